"""Usage figures of one org, read from the workspace database."""

from sqlalchemy import text

from fleetlib import tables
from fleetlib.sql import select_count


def memory_stats(session, org_id: int) -> dict:
    count = session.execute(text(select_count(tables.MEMORIES, "org_id = :org_id")), {"org_id": org_id}).scalar()
    return {"org_id": org_id, "count": count or 0}
