"""Read-only models of the workspace database, reached through the `workspaces` bind."""

import enum

from fleetlib import tables

from controlhub.extensions import db


class WorkspaceMemory(db.Model):
    __bind_key__ = "workspaces"
    __tablename__ = tables.MEMORIES

    id = db.Column(db.BigInteger, primary_key=True)
    org_id = db.Column(db.Integer, index=True)
    workspace_id = db.Column(db.String(36))
    content = db.Column(db.Text)


class ActivityLog(db.Model):
    __bind_key__ = "workspaces"

    id = db.Column(db.BigInteger, primary_key=True)
    org_id = db.Column(db.Integer, index=True)
    kind = db.Column(db.String(32))


schedules = db.Table(
    tables.SCHEDULES,
    db.Column("id", db.Integer, primary_key=True),
    db.Column("org_id", db.Integer),
    db.Column("cron", db.String(64)),
    bind_key="workspaces",
)


class TenantTable(str, enum.Enum):
    MEMORIES = "agent_memories"
    SCHEDULES = "schedules"
