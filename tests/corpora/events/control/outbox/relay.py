"""Relay of the control plane's own outbox to Kafka (never the workspaces' memories or activity)."""

from __future__ import annotations

import asyncio
from datetime import datetime, timezone

from celery import shared_task
from sqlalchemy import select, update

from control.container import Container
from control.models import OutboxMessage
from control.settings import settings


async def relay_batch(container: Container, limit: int = 100) -> int:
    async with container.uow() as session:
        pending = (await session.scalars(select(OutboxMessage).where(OutboxMessage.sent_at.is_(None)).limit(limit).with_for_update(skip_locked=True))).all()
        for message in pending:
            await container.bus._producer.send_and_wait(message.topic, message.body.encode())
        await session.execute(update(OutboxMessage).where(OutboxMessage.id.in_([m.id for m in pending])).values(sent_at=datetime.now(timezone.utc)))
        return len(pending)


@shared_task(name="outbox.relay")
def relay() -> int:
    return asyncio.run(relay_batch(Container(settings)))
