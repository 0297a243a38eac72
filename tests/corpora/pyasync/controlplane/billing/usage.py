"""Metered billing: seats from our snapshots, actions from the workspaces."""

from typing import Any

from piccolo.query.functions.aggregate import Count

from controlplane.billing.piccolo_tables import ActivityRow, UsageSnapshot


async def seats_by_org() -> list[dict[str, Any]]:
    return await UsageSnapshot.select(UsageSnapshot.org_id, Count()).group_by(UsageSnapshot.org_id)


async def metered_actions(org_id: str) -> int:
    """Billable actions of one org (activity_events rows) this month."""
    return await ActivityRow.count().where(ActivityRow.org_id == org_id)  # expect: MOL101


async def fleet_actions() -> list[dict[str, Any]]:
    return await ActivityRow.select(ActivityRow.org_id, Count()).group_by(ActivityRow.org_id)  # expect: MOL101, MOL201
