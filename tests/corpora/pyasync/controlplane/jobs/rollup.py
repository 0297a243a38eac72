"""Nightly rollups the arq worker runs."""

import logging
from typing import Any

from tortoise.functions import Count

from controlplane import db
from controlplane.models.billing import MemoryQuota, Org
from libs import dbnames, reporting  # expect: MOL104

log = logging.getLogger(__name__)


async def invoice_rollup(ctx: dict[str, Any]) -> int:
    return await reporting.count_rows(db.primary(), dbnames.INVOICES)


async def unread_rollup(ctx: dict[str, Any]) -> dict[str, int]:
    totals: dict[str, int] = {}
    for org in await Org.filter(status="active"):  # expect: MOL202
        totals[org.id] = await reporting.unread_messages(db.fleet(), org.id)  # expect: MOL101
    log.info("unread messages rolled up for %d orgs", len(totals))
    return totals


async def quota_report(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    """Quotas per org: memory_quotas is ours, the memories stay on the tenant hosts."""
    return await MemoryQuota.annotate(n=Count("id")).group_by("org_id").values("org_id", "n")


async def org_count(ctx: dict[str, Any]) -> int:
    return await Org.filter(status="active").count()
