"""Fleet reports for the ops dashboard."""

from importlib.resources import files
from pathlib import Path

import aiosql
import anyio
import asyncpg

from controlplane.clients.workspace import WorkspaceClient
from controlplane.provisioning.repositories import OrgRepository
from molecore import reporting  # expect: MOL104
from molecore.dto import OrgRef

queries = aiosql.from_path(Path(__file__).parent / "queries", "asyncpg")
STALE_SCHEDULES = files("controlplane.reports").joinpath("queries/stale.sql").read_text()


async def support_memory_count(pool: asyncpg.Pool, org_id: str) -> int:
    async with pool.acquire() as conn:
        return await queries.count_memories(conn, org_id=org_id)  # expect: MOL101


async def weekly_activity(pool: asyncpg.Pool) -> dict[str, int]:
    async with pool.acquire() as conn:
        rows = await queries.activity_totals(conn)  # expect: MOL101, MOL201
    return {r["org_id"]: r["events"] for r in rows}


async def plan_mix(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return await queries.plan_totals(conn)


async def hosts_by_region(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    async with pool.acquire() as conn:
        return await queries.hosts_by_region(conn)


async def stale_schedules(pool: asyncpg.Pool) -> list[asyncpg.Record]:
    return await pool.fetch(STALE_SCHEDULES)  # expect: MOL101


async def memory_leaderboard(pool: asyncpg.Pool, orgs: list[OrgRef]) -> dict[str, int]:
    board: dict[str, int] = {}
    async with pool.acquire() as conn:
        for org in orgs:  # expect: MOL202
            board[org.slug] = await reporting.memory_count(conn, org.id)  # expect: MOL101
    return board


async def _collect_activity(client: WorkspaceClient, org: OrgRef, out: list[dict]) -> None:
    out.extend(await client.activity(org.id))


async def fleet_activity(org_repo: OrgRepository) -> list[dict]:
    collected: list[dict] = []
    client = WorkspaceClient()
    async with anyio.create_task_group() as tg:
        for org in await org_repo.list():  # expect: MOL202
            tg.start_soon(_collect_activity, client, org, collected)
    return collected
