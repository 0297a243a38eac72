"""Usage figures for invoices."""

import logging

from common.sql import latest, select_for_org
from controlplane.core import constants
from controlplane.core.db import fetch_all, fleet_cursor

log = logging.getLogger(__name__)


def memory_count(org_id: str) -> int:
    """Number of agent_memories rows an org holds (pre-RFC: read from the org database)."""
    with fleet_cursor() as cursor:
        cursor.execute(select_for_org(constants.MEMORIES), [org_id])  # expect: MOL101
        return len(cursor.fetchall())


def recent_activity(org_id: str) -> list[tuple[object, ...]]:
    return fetch_all(latest(constants.ACTIVITY), [org_id])  # expect: MOL101


def quota_rows(org_id: str) -> list[tuple[object, ...]]:
    log.info("reading memory quota (not agent_memories) for %s", org_id)
    return fetch_all(select_for_org(constants.MEMORY_QUOTAS, ("org_id", "bytes_allowed")), [org_id])
