from uuid import UUID

from advanced_alchemy.base import UUIDAuditBase
from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from molecore import tables


class Memory(UUIDAuditBase):
    __tablename__ = tables.MEMORIES

    org_id: Mapped[str] = mapped_column(String(64), index=True)
    workspace_id: Mapped[UUID]
    content: Mapped[str] = mapped_column(Text)


class ActivityEvent(UUIDAuditBase):
    __tablename__ = tables.ACTIVITY

    org_id: Mapped[str] = mapped_column(String(64), index=True)
    workspace_id: Mapped[UUID]
    kind: Mapped[str]
