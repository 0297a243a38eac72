"""ORM mappings of the control plane."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, String, Text, func
from sqlalchemy.orm import Mapped, mapped_column

from kernel.naming import ControlTable, WorkspaceTable
from kernel.orm import Base


class Organization(Base):
    __tablename__ = ControlTable.ORGANIZATIONS

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    workspace_id: Mapped[str] = mapped_column(String(36))
    status: Mapped[str] = mapped_column(String(16), default="active")
    plan: Mapped[str] = mapped_column(String(32))


class Invoice(Base):
    __tablename__ = ControlTable.INVOICES

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[str] = mapped_column(String(36), index=True)
    amount_cents: Mapped[int]
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())


class MessageQuota(Base):
    __tablename__ = ControlTable.MESSAGE_QUOTAS

    org_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    monthly_limit: Mapped[int]


class ActivityAudit(Base):
    """Who did what in the control plane (not a workspace's activity_events)."""

    __tablename__ = ControlTable.ACTIVITY_AUDIT

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[str] = mapped_column(String(36))
    actor: Mapped[str]
    action: Mapped[str]


class MemoryEntryView(Base):
    """Read-only mapping of a workspace's memories, for the support console."""

    __tablename__ = WorkspaceTable.MEMORIES

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[str] = mapped_column(String(36))
    workspace_id: Mapped[str] = mapped_column(String(36))
    body: Mapped[str] = mapped_column(Text)


class ActivityEventView(Base):
    __tablename__ = WorkspaceTable.ACTIVITY

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
