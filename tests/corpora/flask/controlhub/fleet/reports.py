"""Fleet reports for the ops dashboard."""

from flask import current_app
from fleetlib import tables
from sqlalchemy import func, select, text

from controlhub.extensions import db
from controlhub.fleet.mirror import ActivityLog, TenantTable, WorkspaceMemory, schedules
from controlhub.models import MemoryQuota

EXPORTABLE = {
    "memories": TenantTable.MEMORIES.value,
    "activity": tables.ACTIVITY,
}


def memories_per_org():
    return db.session.query(WorkspaceMemory.org_id, func.count(WorkspaceMemory.id)).group_by(WorkspaceMemory.org_id).all()  # expect: MOL101, MOL201


def activity_events_total() -> int:
    return ActivityLog.query.count()  # expect: MOL101, MOL201


def schedules_total() -> int:
    return db.session.execute(select(func.count()).select_from(schedules)).scalar_one()  # expect: MOL101, MOL201


def schedules_of(org_id: int) -> int:
    sql = f"SELECT count(*) FROM {TenantTable.SCHEDULES.value} WHERE org_id = :org_id"
    return db.session.execute(text(sql), {"org_id": org_id}).scalar()  # expect: MOL101


def activity_kinds(org_id: int) -> list:
    table = current_app.config["ACTIVITY_TABLE"]
    sql = f"SELECT kind, count(*) FROM {table} WHERE org_id = :org_id GROUP BY kind"
    return db.session.execute(text(sql), {"org_id": org_id}).all()  # expect: MOL101


def export_org(org_id: int) -> dict:
    out = {}
    for kind, table in EXPORTABLE.items():
        out[kind] = db.session.execute(text(f"SELECT * FROM {table} WHERE org_id = :org_id"), {"org_id": org_id}).all()  # expect: MOL101
    return out


def quota_totals():
    """Sum of memory quotas per org (not of agent_memories rows)."""
    return db.session.query(MemoryQuota.org_id, func.sum(MemoryQuota.limit_mb)).group_by(MemoryQuota.org_id).all()


def quota_rows() -> int:
    table = current_app.config["QUOTA_TABLE"]
    current_app.logger.info("counting %s (agent_memories are never read here)", table)
    return db.session.execute(text(f"SELECT count(*) FROM {table}")).scalar()


def archived_ids(org_id: int) -> list:
    sql = text(f"SELECT id FROM {current_app.config['ARCHIVE_TABLE']} WHERE org_id = :org_id LIMIT :n")  # expect: MOL101
    return db.session.execute(sql, {"org_id": org_id, "n": current_app.config["ARCHIVE_BATCH"]}).scalars().all()
