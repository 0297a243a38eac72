"""SQLAlchemy models for the control-plane tables (see controlplane/migrations)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Org(Base):
    __tablename__ = "orgs"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    plan: Mapped[str] = mapped_column(String(32), default="free")
    max_workspaces: Mapped[int] = mapped_column(default=3)
    host_ip: Mapped[str | None]
    deleted_at: Mapped[datetime | None]


class BillingAccount(Base):
    __tablename__ = "billing_accounts"

    org_id: Mapped[str] = mapped_column(ForeignKey("orgs.id"), primary_key=True)
    stripe_customer_id: Mapped[str] = mapped_column(String(64))
    plan: Mapped[str] = mapped_column(String(32))


class DnsRecord(Base):
    __tablename__ = "dns_records"

    org_id: Mapped[str] = mapped_column(ForeignKey("orgs.id"), primary_key=True)
    name: Mapped[str] = mapped_column(String(253), primary_key=True)
    target: Mapped[str] = mapped_column(String(64))


class UsageReport(Base):
    """Monthly usage per org, pushed by each tenant's runtime (never pulled)."""

    __tablename__ = "usage_reports"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    org_id: Mapped[str] = mapped_column(ForeignKey("orgs.id"))
    period: Mapped[date]
    tokens: Mapped[int] = mapped_column(BigInteger, default=0)
    storage_bytes: Mapped[int] = mapped_column(BigInteger, default=0)
