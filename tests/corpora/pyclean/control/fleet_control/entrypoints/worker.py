"""arq worker: nightly jobs of the control plane."""

from __future__ import annotations

from typing import Any

from arq import cron
from arq.connections import RedisSettings
from sqlalchemy import text

from fleet_control.adapters.orm import MemoryEntryView
from fleet_control.adapters.repositories import SupportMemoryRepository
from fleet_control.container import build_container
from kernel.naming import ControlTable


async def startup(ctx: dict[str, Any]) -> None:
    ctx["container"] = build_container()


async def snapshot_memory_usage(ctx: dict[str, Any], org_id: str) -> int:
    with ctx["container"].uow() as uow:
        used = SupportMemoryRepository.from_session(uow.session).count(MemoryEntryView.org_id == org_id)  # expect: MOL101
        uow.session.execute(
            text(f"INSERT INTO {ControlTable.USAGE_SNAPSHOTS} (org_id, memories) VALUES (:org_id, :n)"),
            {"org_id": org_id, "n": used},
        )
        uow.commit()
    return used


async def renew_certificates(ctx: dict[str, Any], org_id: str) -> None:
    ...


async def nightly_usage(ctx: dict[str, Any]) -> None:
    redis = ctx["redis"]
    with ctx["container"].uow() as uow:
        orgs = uow.organizations.active()
    for org in orgs:
        await redis.enqueue_job("snapshot_memory_usage", org.id)


async def nightly_certificates(ctx: dict[str, Any]) -> None:
    redis = ctx["redis"]
    with ctx["container"].uow() as uow:
        orgs = uow.organizations.active()
    for org in orgs:
        await redis.enqueue_job("renew_certificates", org.id)


class WorkerSettings:
    functions = [snapshot_memory_usage, renew_certificates]
    cron_jobs = [cron(nightly_usage, hour=2, minute=0), cron(nightly_certificates, hour=3, minute=0)]
    on_startup = startup
    redis_settings = RedisSettings(host="control-redis")
