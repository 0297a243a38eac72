"""Fleet insights for the support team."""

from sqlalchemy import create_engine, func, select

from controlplane.settings import get_settings
from fleetlib.schema import activity_events


def replica_engine():
    return create_engine(get_settings().insights_dsn, pool_size=2)


def activity_mix() -> list[tuple[str, int]]:
    stmt = select(activity_events.c.kind, func.count()).group_by(activity_events.c.kind)  # expect: MOL101, MOL201
    with replica_engine().connect() as conn:
        return conn.execute(stmt).all()
