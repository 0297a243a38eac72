"""Database access of the workspace server."""

from sqlalchemy import create_engine, text

from tenant.workspace_server.config import get_settings

engine = create_engine(get_settings().database_url)


def schema_connection(schema: str):
    conn = engine.connect()
    conn.execute(text(f'SET search_path TO "{schema}", public'))
    return conn


def own_activity_counts() -> list[tuple[str, int]]:
    # This host's own org only: the whole database is one org's.
    with engine.connect() as conn:
        return conn.execute(text("SELECT kind, count(*) FROM activity_events GROUP BY kind")).all()
