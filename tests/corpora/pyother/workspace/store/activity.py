"""Activity feed queries (aiopg in the async server, psycopg here)."""

import psycopg

from workspace.config import settings


def recent(org_id: str, limit: int = 50) -> list[tuple]:
    with psycopg.connect(settings.database_url) as conn:
        return conn.execute(
            "SELECT verb, actor, occurred_at FROM activity_events WHERE org_id = %s ORDER BY id DESC LIMIT %s",
            (org_id, limit),
        ).fetchall()


def verbs() -> dict[str, int]:
    with psycopg.connect(settings.database_url) as conn:
        return dict(conn.execute("SELECT verb, count(*) FROM activity_events GROUP BY verb").fetchall())
