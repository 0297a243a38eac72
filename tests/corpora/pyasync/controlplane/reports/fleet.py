"""Fleet report: how much the workspaces hold, across the fleet."""

import logging
from datetime import datetime, timedelta
from typing import Any

from pypika import Order, Query
from pypika import functions as fn
from tortoise.functions import Count

from controlplane import db, tables
from controlplane.models.mirror import WorkspaceMemory, WorkspaceSchedule
from controlplane.reports import sql

log = logging.getLogger(__name__)


async def memory_growth(days: int = 7) -> int:
    """Memories created fleet-wide in the last ``days`` (SELECT count(*) FROM memories ...)."""
    since = datetime.utcnow() - timedelta(days=days)
    total = await WorkspaceMemory.filter(created_at__gte=since).count()  # expect: MOL101, MOL201
    log.info("memories created in the last %s days: %s", days, total)
    return total


async def schedules_per_org() -> list[dict[str, Any]]:
    return await WorkspaceSchedule.annotate(n=Count("id")).group_by("org_id").values("org_id", "n")  # expect: MOL101, MOL201


async def message_volume(since: datetime) -> list[dict[str, Any]]:
    return await db.fleet().execute_query_dict(sql.MESSAGE_VOLUME, [since])  # expect: MOL101, MOL201


async def activity_by_org() -> list[dict[str, Any]]:
    query = (
        Query.from_(tables.activity)
        .select(tables.activity.org_id, fn.Count("*").as_("events"))
        .groupby(tables.activity.org_id)
    )
    _, rows = await db.fleet().execute_query(query.get_sql())  # expect: MOL101, MOL201
    return rows


async def active_orgs() -> list[dict[str, Any]]:
    return await db.primary().execute_query_dict(sql.ACTIVE_ORGS)


async def revenue_by_org() -> list[dict[str, Any]]:
    total = fn.Sum(tables.invoices.amount_cents).as_("total")
    query = (
        Query.from_(tables.invoices)
        .select(tables.invoices.org_id, total)
        .groupby(tables.invoices.org_id)
        .orderby(total, order=Order.desc)
    )
    return await db.primary().execute_query_dict(query.get_sql())
