"""A thin wrapper over aiokafka: publish envelopes, consume them, register handlers by event type."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer

from eventkit.schemas import Envelope

Handler = Callable[..., Awaitable[None]]

_HANDLERS: dict[str, Handler] = {}


def handles(event_type: str) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        _HANDLERS[event_type] = fn
        return fn

    return register


def handler_for(event_type: str) -> Handler | None:
    return _HANDLERS.get(event_type)


class MessageBus:
    def __init__(self, bootstrap_servers: str, group_id: str) -> None:
        self._bootstrap = bootstrap_servers
        self._group = group_id
        self._producer: AIOKafkaProducer | None = None

    async def start(self) -> None:
        self._producer = AIOKafkaProducer(bootstrap_servers=self._bootstrap, enable_idempotence=True)
        await self._producer.start()

    async def publish(self, topic: str, envelope: Envelope, key: str | None = None) -> None:
        assert self._producer is not None
        await self._producer.send_and_wait(topic, envelope.model_dump_json().encode(), key=(key or envelope.org_id).encode())

    async def consume(self, *topics: str, **options: Any) -> AsyncIterator[Envelope]:
        consumer = AIOKafkaConsumer(*topics, bootstrap_servers=self._bootstrap, group_id=self._group, enable_auto_commit=False, **options)
        await consumer.start()
        try:
            async for record in consumer:
                yield Envelope.model_validate_json(record.value)
                await consumer.commit()
        finally:
            await consumer.stop()
