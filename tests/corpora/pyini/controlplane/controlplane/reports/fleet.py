"""Fleet usage reports for the ops team."""

import logging

from sqlalchemy import func, select, text

from common import names, reporting  # expect: MOL104
from common.sql import count_rows, per_org_counts
from common.tables import activity, memories
from controlplane import tenantdb

log = logging.getLogger(__name__)


class UsageReport:
    source_table = names.ACTIVITY

    def __init__(self, conn):
        self.conn = conn

    def rows(self):
        return self.conn.execute(text(per_org_counts(self.source_table))).all()  # expect: MOL101, MOL201


def memory_count(conn):
    return conn.execute(select(func.count()).select_from(memories)).scalar()  # expect: MOL101, MOL201


def activity_kinds(conn, org_id):
    query = select(activity.c.kind).where(activity.c.org_id == org_id)  # expect: MOL101
    return conn.execute(query).scalars().all()


def raw_memory_count(conn):
    return conn.execute(text(count_rows(names.MEMORIES))).scalar()  # expect: MOL101, MOL201


def org_memory_total(org_id):
    log.info("counting memories for org %s", org_id)
    with tenantdb.workspace_engine().connect() as conn:
        return reporting.memory_total(conn, org_id)  # expect: MOL101


def purge(cur, org_id):
    cur.execute(f"DELETE FROM {names.TenantTable.MEMORIES.value} WHERE org_id = %s", (org_id,))  # expect: MOL101


def table_size(conn, table):
    # only ever called with the control plane's own tables
    return conn.execute(text(count_rows(table))).scalar()


def billing_sizes(conn):
    return {name: table_size(conn, name) for name in (names.INVOICES, names.DNS_RECORDS)}
