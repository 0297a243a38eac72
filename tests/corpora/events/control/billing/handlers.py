"""Handlers of the billing consumer, keyed by event type in HANDLERS."""

from __future__ import annotations

import logging

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from control.models import Invoice, UsageEvent
from eventkit import topics
from eventkit.schemas import Envelope
from workspace_svc.db.repositories import MemoryRepository  # expect: MOL104

log = logging.getLogger(__name__)


async def on_invoice_paid(session: AsyncSession, envelope: Envelope) -> None:
    invoice = await session.get(Invoice, envelope.payload["invoice_id"])
    if invoice is not None:
        invoice.paid_at = envelope.occurred_at


async def on_memory_created(session: AsyncSession, envelope: Envelope) -> None:
    log.info("memories: metering workspace %s of org %s", envelope.workspace_id, envelope.org_id)
    total = await MemoryRepository(session).count_for_org(envelope.org_id)  # expect: MOL101
    await session.execute(insert(UsageEvent).values(org_id=envelope.org_id, meter="memories", quantity=total))


HANDLERS = {
    topics.INVOICE_PAID: on_invoice_paid,
    topics.MEMORY_CREATED: on_memory_created,
}
