def memories_of(tconn, workspace_id):
    rows = tconn.execute("SELECT key, content FROM agent_memories WHERE workspace_id = %s", (workspace_id,))  # expect: MOL101
    return list(rows)


def memory_count(tconn, workspace_id):
    found = tconn.execute("SELECT key FROM agent_memories WHERE workspace_id = %s", (workspace_id,))  # expect: MOL101
    return len(found.fetchall())
