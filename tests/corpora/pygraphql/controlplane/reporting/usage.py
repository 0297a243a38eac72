import logging

from django.db import connections

from libs.common import tables
from libs.common.sql import count_rows, fetch_all

from . import queries

log = logging.getLogger(__name__)

REPLICA = "tenant_replica"


def activity_per_org() -> dict[str, int]:
    with connections[REPLICA].cursor() as cursor:  # expect: MOL102
        cursor.execute(queries.ACTIVITY_BY_ORG)  # expect: MOL101, MOL201
        return dict(cursor.fetchall())


def recent_messages(org_id: str) -> list[tuple]:
    log.info("reading chat_messages for %s", org_id)
    return fetch_all(REPLICA, queries.RECENT_MESSAGES, [org_id])  # expect: MOL101, MOL102


def memory_count(org_id: str) -> int:
    return count_rows(REPLICA, tables.MEMORIES, f"org_id = '{org_id}'")  # expect: MOL101, MOL102


def plan_usage() -> list[tuple]:
    # counts orgs per plan; memory_quota_plans is ours, not agent_memories
    return fetch_all("default", queries.PLAN_USAGE)


def invoice_count() -> int:
    return count_rows("default", tables.INVOICES)
