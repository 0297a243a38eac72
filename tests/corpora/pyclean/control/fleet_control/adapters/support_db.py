"""Engine for the support console's read replica."""

from sqlalchemy import Engine, create_engine

from fleet_control.config import Settings


def control_engine(settings: Settings) -> Engine:
    return create_engine(settings.database.url, pool_size=settings.database.pool_size)


def support_engine(settings: Settings) -> Engine:
    if settings.support_dsn is None:
        raise RuntimeError("support console disabled")
    return create_engine(settings.support_dsn, pool_pre_ping=True)  # expect: MOL102
