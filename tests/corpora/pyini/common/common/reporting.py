"""Usage figures computed from a workspace database connection."""

from sqlalchemy import func, select

from common.tables import memories


def memory_total(conn, org_id):
    query = select(func.count()).select_from(memories).where(memories.c.org_id == org_id)
    return conn.execute(query).scalar()
