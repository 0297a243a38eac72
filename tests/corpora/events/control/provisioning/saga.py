"""Provisioning saga: allocate the host, write DNS, announce the org. Each step has a compensation."""

from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import text

from control.container import Container
from eventkit import topics
from eventkit.schemas import Envelope, OrgProvisioned


async def provision(container: Container, org_id: str, region: str) -> None:
    async with container.uow() as session:
        await session.execute(text("INSERT INTO provision_jobs (org_id, region, state) VALUES (:org_id, :region, 'allocating')"), {"org_id": org_id, "region": region})
        hostname = f"{org_id}.tenants.molecule.dev"
        await session.execute(text("INSERT INTO dns_records (org_id, hostname) VALUES (:org_id, :hostname)"), {"org_id": org_id, "hostname": hostname})
    event = OrgProvisioned(org_id=org_id, region=region, hostname=hostname)
    envelope = Envelope(event_id=uuid.uuid4(), event_type="control.org.provisioned", org_id=org_id, occurred_at=datetime.now(timezone.utc), payload=event.model_dump())
    await container.bus.publish(topics.PROVISIONING, envelope)


async def compensate(container: Container, org_id: str) -> None:
    async with container.uow() as session:
        await session.execute(text("DELETE FROM dns_records WHERE org_id = :org_id"), {"org_id": org_id})
        await session.execute(text("UPDATE provision_jobs SET state = 'rolled_back' WHERE org_id = :org_id"), {"org_id": org_id})
