from datetime import date

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from moleculekit.models.base import Base, OrgScopedMixin, TimestampMixin
from moleculekit.tables import PlatformTable


class Org(TimestampMixin, Base):
    __tablename__ = PlatformTable.ORGS

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="active")
    workspace_host: Mapped[str | None]


class BillingAccount(OrgScopedMixin, Base):
    __tablename__ = "billing_accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    stripe_customer_id: Mapped[str] = mapped_column(String(64))


class MemoryQuota(OrgScopedMixin, Base):
    """Memory quota per org: how many memories the plan allows, not the memories themselves."""

    __tablename__ = PlatformTable.MEMORY_QUOTAS.value

    id: Mapped[int] = mapped_column(primary_key=True)
    max_memories: Mapped[int]
    used_memories: Mapped[int] = mapped_column(default=0)


class UsageSnapshot(OrgScopedMixin, Base):
    __tablename__ = "usage_snapshots"
    __table_args__ = (UniqueConstraint("org_id", "day"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("billing_accounts.id"))
    day: Mapped[date]
    seats: Mapped[int]
    messages_billed: Mapped[int] = mapped_column(default=0)
