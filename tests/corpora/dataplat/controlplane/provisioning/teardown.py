"""Org teardown: release the host, the DNS records, and the org's stored memories."""

from __future__ import annotations

import logging

from sqlalchemy import text
from sqlalchemy.orm import Session

from libs.datalib import tables
from workspace.app.store import MemoryStore  # expect: MOL104

log = logging.getLogger(__name__)


def release_host(session: Session, org_id: str) -> None:
    session.execute(text(f"UPDATE {tables.HOSTS} SET state = 'released' WHERE org_id = :org_id"), {"org_id": org_id})


def purge_memories(session: Session, org_id: str) -> int:
    purged = MemoryStore(session).purge_org(org_id)  # expect: MOL101
    log.info("purged %d memories for org %s", purged, org_id)
    return purged
