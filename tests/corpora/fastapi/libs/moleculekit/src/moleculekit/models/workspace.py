"""ORM models of the workspace server's own database."""

from uuid import UUID

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from moleculekit.models.base import Base, OrgScopedMixin, TimestampMixin
from moleculekit.tables import Table


class Memory(OrgScopedMixin, TimestampMixin, Base):
    __tablename__ = "memories"

    id: Mapped[UUID] = mapped_column(primary_key=True)
    workspace_id: Mapped[UUID] = mapped_column(index=True)
    kind: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)


class ActivityEvent(OrgScopedMixin, TimestampMixin, Base):
    __tablename__ = Table.ACTIVITY
    __table_args__ = (Index("ix_activity_workspace_created", "workspace_id", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    workspace_id: Mapped[UUID]
    verb: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict] = mapped_column(JSONB, default=dict)


class ChatMessage(OrgScopedMixin, TimestampMixin, Base):
    __tablename__ = Table.CHAT_MESSAGES.value

    id: Mapped[int] = mapped_column(primary_key=True)
    memory_id: Mapped[UUID | None] = mapped_column(ForeignKey("memories.id"))
    role: Mapped[str] = mapped_column(String(16))
    content: Mapped[str] = mapped_column(Text)
