"""A tenant rolling up its own org's memories: one org, its own database."""


def rollup(conn):
    conn.execute("INSERT INTO usage_rollups (ws, body) SELECT workspace_id, content FROM agent_memories")
    for row in conn.execute("SELECT workspace_id, content FROM agent_memories").fetchall():
        conn.execute("INSERT INTO memory_digests (ws, text) VALUES (%s, %s)", (row.workspace_id, row.content))
    return conn.execute("SELECT count(*) FROM usage_rollups").scalar()
