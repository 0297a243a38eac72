from advanced_alchemy.base import UUIDAuditBase
from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from molecore import tables


class Org(UUIDAuditBase):
    __tablename__ = "orgs"

    slug: Mapped[str] = mapped_column(String(64), unique=True)
    host: Mapped[str | None]


class ProvisionJob(UUIDAuditBase):
    __tablename__ = "provision_jobs"

    org_id: Mapped[str] = mapped_column(String(64), index=True)
    state: Mapped[str] = mapped_column(default="queued")


class ScheduleMirror(UUIDAuditBase):
    """Read-only mapping of the workspace schedules table, for the stuck-schedule alert."""

    __tablename__ = tables.SCHEDULES

    org_id: Mapped[str] = mapped_column(String(64))
    cron: Mapped[str]
