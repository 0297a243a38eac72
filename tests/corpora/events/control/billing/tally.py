"""Handlers registered with @handles: usage tallies per event type."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from control.models import UsageEvent
from dbkit.sql import rows_per_org
from eventkit import tables, topics
from eventkit.bus import handles
from eventkit.schemas import Envelope


@handles(topics.USAGE_RECORDED)
async def tally_usage(session: AsyncSession, envelope: Envelope) -> None:
    # the platform's own billing events, summed per org: that is billing, not functional state
    stmt = select(UsageEvent.org_id, func.sum(UsageEvent.quantity)).group_by(UsageEvent.org_id)
    await session.execute(stmt)


@handles(topics.ACTIVITY_LOGGED)
async def tally_activity(session: AsyncSession, envelope: Envelope) -> None:
    rows = await session.execute(text(rows_per_org(tables.ACTIVITY)), {"since": envelope.occurred_at})  # expect: MOL101, MOL201
    for org_id, n in rows:
        session.add(UsageEvent(org_id=org_id, meter="activity", quantity=n))
