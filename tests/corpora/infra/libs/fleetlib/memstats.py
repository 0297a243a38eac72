"""Memory statistics of one workspace database (used by the workspace server's /metrics)."""

from sqlalchemy import text

MEMORY_COUNT = text("SELECT count(*) FROM agent_memories WHERE created_at > now() - interval '1 day'")


def memory_stats(conn) -> dict[str, int]:
    return {"memories_last_day": conn.execute(MEMORY_COUNT).scalar_one()}
