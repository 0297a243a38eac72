"""Retention: the control plane tells each workspace how long to keep its data."""

from __future__ import annotations

from workspace_server.db.repositories import MemoryRepository  # expect: MOL104

from fleet_control.adapters.uow import SqlAlchemyUnitOfWork

DEFAULT_RETENTION_DAYS = 90


def retention_days(plan: str) -> int:
    return {"free": 30, "team": DEFAULT_RETENTION_DAYS}.get(plan, 365)


def purge_expired(uow: SqlAlchemyUnitOfWork, org_id: str) -> int:
    with uow:
        org = uow.organizations.get(org_id)
        days = retention_days(org.plan if org else "free")
        return MemoryRepository(uow.session).delete_older_than(org_id, days)  # expect: MOL101
