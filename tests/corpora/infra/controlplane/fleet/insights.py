"""Fleet insights for the support team."""

from sqlalchemy import create_engine, func, select

from controlplane.settings import get_settings
from fleetlib.schema import activity_events


def replica_engine():
    return create_engine(get_settings().insights_dsn, pool_size=2)  # expect: MOL102


def activity_mix() -> list[tuple[str, int]]:
    stmt = select(activity_events.c.kind, func.count()).group_by(activity_events.c.kind)
    with replica_engine().connect() as conn:
        return conn.execute(stmt).all()  # expect: MOL101, MOL201
