"""The billing meter: consumes the platform's usage topic and dispatches each envelope to its handler."""

from __future__ import annotations

import asyncio
import logging

from control.billing import tally  # noqa: F401  (registers the @handles handlers)
from control.billing.handlers import HANDLERS
from control.container import Container
from control.settings import settings
from eventkit.bus import handler_for

log = logging.getLogger("billing.consumer")


async def idempotent(container: Container, event_id: str) -> bool:
    return bool(await container.redis.set(f"idem:billing:{event_id}", 1, nx=True, ex=86_400))


async def run() -> None:
    container = Container(settings)
    await container.bus.start()
    async for envelope in container.bus.consume(settings.kafka.usage_topic):
        if not await idempotent(container, str(envelope.event_id)):
            continue
        handler = HANDLERS.get(envelope.event_type) or handler_for(envelope.event_type)
        if handler is None:
            log.warning("no handler for %s (workspace_messages and schedules are not metered)", envelope.event_type)
            continue
        async with container.uow() as session:
            await handler(session, envelope)


if __name__ == "__main__":
    asyncio.run(run())
