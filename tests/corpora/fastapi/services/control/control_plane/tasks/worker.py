"""arq worker: nightly jobs of the control plane."""

import asyncio
from typing import Any

import anyio
from arq.connections import RedisSettings

from control_plane.clients.workspace import WorkspaceClient
from control_plane.config import get_settings
from control_plane.db import create_pool
from control_plane.reports import fleet, queries


async def startup(ctx: dict[str, Any]) -> None:
    ctx["pool"] = await create_pool()
    ctx["workspace"] = WorkspaceClient(get_settings().workspace_api_url)


async def schedule_census(ctx: dict[str, Any]) -> dict[str, int]:
    pool = ctx["pool"]
    orgs = await pool.fetch(queries.ACTIVE_ORGS, "active")
    per_org: dict[str, int] = {}
    for org in orgs:  # expect: MOL202
        rows = await pool.fetch(queries.SCHEDULES_FOR_ORG, org["id"])  # expect: MOL101
        per_org[org["id"]] = len(rows)
    return per_org


async def memory_digest(ctx: dict[str, Any]) -> list[Any]:
    client: WorkspaceClient = ctx["workspace"]
    orgs = await fleet.active_orgs(ctx["pool"])
    return await asyncio.gather(*(client.recent_memories(org["slug"]) for org in orgs))  # expect: MOL202


async def probe_fleet(ctx: dict[str, Any]) -> dict[str, bool]:
    client: WorkspaceClient = ctx["workspace"]
    orgs = await fleet.active_orgs(ctx["pool"])
    results: dict[str, bool] = {}

    async def probe(slug: str) -> None:
        results[slug] = await client.healthy()

    async with anyio.create_task_group() as tg:
        for org in orgs:
            tg.start_soon(probe, org["slug"])
    return results


class WorkerSettings:
    functions = [schedule_census, memory_digest, probe_fleet]
    on_startup = startup
    redis_settings = RedisSettings.from_dsn(get_settings().redis_url)
