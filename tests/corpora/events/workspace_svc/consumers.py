"""Kafka consumers of the workspace: control-plane announcements addressed to this org."""

from __future__ import annotations

import json
import logging

from aiokafka import AIOKafkaConsumer, ConsumerRecord

from eventkit.schemas import Envelope
from workspace_svc.db.session import engine_for_org
from workspace_svc.settings import settings

log = logging.getLogger(__name__)


async def on_plan_changed(record: ConsumerRecord) -> None:
    event = Envelope.model_validate_json(record.value)
    if event.org_id != settings.molecule_org_id:
        return  # another org's announcement on the shared topic
    async with engine_for_org(event.org_id).begin() as conn:
        await conn.exec_driver_sql("UPDATE settings SET plan = 'pro'")


async def on_restore_requested(record: ConsumerRecord) -> None:
    event = Envelope.model_validate_json(record.value)
    log.info("restoring memories of org %s", event.org_id)
    async with engine_for_org(event.org_id).begin() as conn:  # expect: MOL302
        await conn.exec_driver_sql("SELECT pg_advisory_lock(42)")


async def run_compactions() -> None:
    consumer = AIOKafkaConsumer("control.compactions.v1", bootstrap_servers="kafka:9092", group_id="workspace")
    await consumer.start()
    try:
        async for record in consumer:
            body = json.loads(record.value)
            engine = engine_for_org(body["org_id"])  # expect: MOL302
            await engine.dispose()
    finally:
        await consumer.stop()
