"""Platform jobs that copy tenant rows into platform tables, and look-alikes that copy none."""

from controlplane.tenant_reads import memories_of, memory_count


def copy_in_one_statement(conn):
    conn.execute("INSERT INTO usage_rollups (ws, body) SELECT workspace_id, content FROM agent_memories WHERE workspace_id = 'w'")  # expect: MOL101, MOL203


def copy_row_by_row(conn, tconn, workspace_id):
    rows = tconn.execute("SELECT key, content FROM agent_memories WHERE workspace_id = %s", (workspace_id,)).fetchall()  # expect: MOL101
    for row in rows:
        conn.execute("INSERT INTO usage_rollups (ws, body) VALUES (%s, %s)", (workspace_id, row.content))  # expect: MOL203


def copy_through_a_helper(conn, tconn, workspace_id):
    memories = memories_of(tconn, workspace_id)
    conn.executemany("INSERT INTO usage_rollups (ws, body) VALUES (%s, %s)", memories)  # expect: MOL203


def rollup_report(conn):
    # usage_rollups is the platform's table, but it now holds tenant rows: grouping it by org spans orgs
    return conn.execute("SELECT org_id, count(*) FROM usage_rollups GROUP BY org_id").all()  # expect: MOL201


def fleet_report(conn):
    # fleet_memories mirrors agent_memories (config): not a tenant read, but a cross-org aggregate
    return conn.execute("SELECT org_id, count(*) FROM fleet_memories GROUP BY org_id").all()  # expect: MOL201


# --- look-alikes: silent for MOL203 ---------------------------------------------------


def quotas_from_orgs(conn):
    # a platform table with a tenant-like name, filled from the platform's own rows
    conn.execute("INSERT INTO memory_quotas (org_id, limit_bytes) SELECT id, 1048576 FROM orgs")


def quotas_row_by_row(conn):
    for org in conn.execute("SELECT id, plan FROM orgs").fetchall():
        conn.execute("INSERT INTO memory_quotas (org_id, plan) VALUES (%s, %s)", (org.id, org.plan))


def quota_report(conn):
    return conn.execute("SELECT org_id, sum(limit_bytes) FROM memory_quotas GROUP BY org_id").all()


def billing_from_org_ids(conn):
    # copies which orgs have memories (org keys only), not what the memories hold
    conn.execute("INSERT INTO billing_accounts (org_id) SELECT org_id FROM agent_memories WHERE workspace_id = 'w'")  # expect: MOL101


def ids_only(conn, tconn, workspace_id):
    # which workspaces have memories (ids), not what they hold
    for row in tconn.execute("SELECT key, workspace_id FROM agent_memories WHERE workspace_id = %s", (workspace_id,)):  # expect: MOL101
        conn.execute("INSERT INTO usage_rollups (ws) VALUES (%s)", (row.workspace_id,))


def counted(conn, tconn, workspace_id):
    # a figure made of tenant rows, not the rows
    n = tconn.execute("SELECT count(*) FROM agent_memories WHERE workspace_id = %s", (workspace_id,)).scalar()  # expect: MOL101
    conn.execute("INSERT INTO usage_rollups (ws, n) VALUES (%s, %s)", (workspace_id, n))
    size = memory_count(tconn, workspace_id)
    conn.execute("INSERT INTO usage_rollups (ws, n) VALUES (%s, %s)", (workspace_id, size))


def store(conn, rows):
    conn.executemany("INSERT INTO usage_rollups (ws, body) VALUES (%s, %s)", rows)  # expect: MOL203


def copy_through_a_writer(conn, tconn, workspace_id):
    rows = tconn.execute("SELECT key, content FROM agent_memories WHERE workspace_id = %s", (workspace_id,)).fetchall()  # expect: MOL101
    store(conn, rows)


def store_quotas(conn):
    store(conn, conn.execute("SELECT id, plan FROM orgs").fetchall())


def copy_stream(conn, tconn, workspace_id):
    rows = tconn.execute("SELECT key, content FROM agent_memories WHERE workspace_id = %s", (workspace_id,)).fetchall()  # expect: MOL101
    with conn.cursor() as cur, cur.copy("COPY usage_rollups (ws, body) FROM STDIN") as copy:  # expect: MOL203
        for row in rows:
            copy.write_row((workspace_id, row.content))


def copy_orgs(conn):
    with conn.cursor() as cur, cur.copy("COPY memory_quotas (org_id, plan) FROM STDIN") as copy:
        for org in conn.execute("SELECT id, plan FROM orgs").fetchall():
            copy.write_row((org.id, org.plan))
