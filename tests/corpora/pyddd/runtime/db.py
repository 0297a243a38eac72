from functools import lru_cache

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine

from runtime.settings import settings

ORG_DSN = "postgresql+psycopg://runtime:runtime@postgres:5432/org_{org}"


@lru_cache
def default_engine() -> Engine:
    return create_engine(settings.db.url)


def engine_for_org(org: str) -> Engine:
    return create_engine(ORG_DSN.format(org=org))
