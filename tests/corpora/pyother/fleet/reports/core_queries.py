"""SQLAlchemy Core reports on the reporting engine."""

from sqlalchemy import Engine, column, func, select, table, text

from kit import queries, schema  # expect: MOL104
from kit.tables import SECRETS


def schedule_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.schedules)).scalar_one()  # expect: MOL101, MOL201


def org_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(schema.orgs)).scalar_one()


def secret_names(engine: Engine, org_id: str) -> list[str]:
    stmt = select(column("name")).select_from(table(SECRETS)).where(column("org_id") == org_id)  # expect: MOL101
    with engine.connect() as conn:
        return list(conn.execute(stmt).scalars())


def stale_schedules(engine: Engine):
    with engine.connect() as conn:
        return conn.execute(text(queries.STALE_SCHEDULES)).all()  # expect: MOL101, MOL201


def open_invoices(engine: Engine):
    with engine.connect() as conn:
        return conn.execute(text(queries.OPEN_INVOICES)).all()
