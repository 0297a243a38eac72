"""Deprovisioning: what the control plane cleans up when an org leaves."""

import asyncpg
from fastapi import APIRouter, Request
from sqlalchemy import delete

from control_plane.db import SessionDep
from control_plane.models import DnsRecord
from control_plane.status_cache import redis
from moleculekit.keys import workspace_key
from moleculekit.tables import PlatformTable, Table

router = APIRouter(prefix="/provisioning", tags=["provisioning"])

# Children first: chat messages reference memories.
PURGE_ORDER = (Table.CHAT_MESSAGES, Table.MEMORIES)
BILLING_ORDER = (PlatformTable.USAGE_SNAPSHOTS, "billing_accounts")


async def purge_org_data(conn: asyncpg.Connection, org_id: str) -> None:
    for table in PURGE_ORDER:
        await conn.execute(f"DELETE FROM {table} WHERE org_id = $1", org_id)  # expect: MOL101


async def close_billing(conn: asyncpg.Connection, org_id: str) -> None:
    for table in BILLING_ORDER:
        await conn.execute(f"DELETE FROM {table} WHERE org_id = $1", org_id)


@router.delete("/orgs/{org_id}/dns")
async def drop_dns(org_id: str, session: SessionDep) -> None:
    await session.execute(delete(DnsRecord).where(DnsRecord.org_id == org_id))
    await session.commit()


@router.get("/orgs/{org_id}/message-count")
async def message_count(org_id: str, request: Request) -> int:
    pool: asyncpg.Pool = request.app.state.pool
    return await pool.fetchval(f"SELECT count(*) FROM {Table.CHAT_MESSAGES} WHERE org_id = $1", org_id)  # expect: MOL101


async def live_workspaces() -> int:
    return len([key async for key in redis.scan_iter(match=workspace_key("*", "status"))])  # expect: MOL102, MOL202
