"""Table names that live in another module, a builder, a default, a registry or a loop."""

import logging

from shared import sql, tables
from shared.tables import MEMORY_TABLE, QUOTA_TABLE, TABLES_BY_KIND

log = logging.getLogger(__name__)


def usage(cur):
    cur.execute(sql.count_sql(MEMORY_TABLE))  # expect: MOL101, MOL201
    cur.execute(sql.count_sql(QUOTA_TABLE))
    cur.execute(sql.select_sql(tables.ACTIVITY_TABLE, "org_id", "kind"))  # expect: MOL101, MOL201
    cur.execute(sql.select_sql(tables.ORGS_TABLE))


def purge(cur, org_id, table=MEMORY_TABLE):
    log.info("purging agent_memories of %s", org_id)
    cur.execute(sql.delete_sql(table), (org_id,))  # expect: MOL101


def purge_quotas(cur, org_id, table=QUOTA_TABLE):
    cur.execute(sql.delete_sql(table), (org_id,))


def by_kind(cur):
    cur.execute("SELECT * FROM " + TABLES_BY_KIND["memories"])  # expect: MOL101, MOL201
    cur.execute("SELECT * FROM " + TABLES_BY_KIND["quotas"])


def vacuum(cur):
    for table in tables.PURGEABLE:
        cur.execute(f"VACUUM {table}")
    query = "SELECT id FROM "
    query += str(MEMORY_TABLE)
    cur.execute(query)  # expect: MOL101, MOL201


def pick(cur, archived):
    table = tables.ACTIVITY_TABLE if archived else tables.ORGS_TABLE
    cur.execute("SELECT * FROM %s" % table)  # expect: MOL101, MOL201


def by_get(cur, kind):
    cur.execute("SELECT count(*) FROM " + TABLES_BY_KIND.get("memories", "orgs"))  # expect: MOL101, MOL201
    cur.execute("SELECT count(*) FROM " + TABLES_BY_KIND.get(kind, "orgs"))
