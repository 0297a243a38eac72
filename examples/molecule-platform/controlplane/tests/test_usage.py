"""Billing usage tests. Excluded from linting by `exclude: ["**/tests/**"]`,
so the tenant fixtures below must produce no finding."""

from workspace_server.store.models import Memory


def test_memory_fixture_roundtrip(pg_conn):
    pg_conn.execute("INSERT INTO agent_memories (id, workspace_id, content) VALUES ('m1', 'w1', 'hi')")
    rows = pg_conn.execute("SELECT id FROM agent_memories").fetchall()
    assert [row[0] for row in rows] == ["m1"]
    assert Memory.__tablename__ == "agent_memories"
