from flask import current_app
from sqlalchemy import text

from controlhub.billing import queries
from controlhub.extensions import db, redis_client
from fleetlib.keys import balance_key


def invoice_totals(period: str) -> list:
    return db.session.execute(text(queries.INVOICE_TOTALS), {"period": period}).all()


def usage_for_invoice() -> list:
    engine = db.engines["workspaces"]  # expect: MOL102
    with engine.connect() as conn:
        return conn.execute(text(queries.MEMORY_USAGE_BY_ORG)).all()  # expect: MOL101, MOL201


def quota_of(org_id: int) -> int:
    return db.session.execute(text(queries.QUOTA_OF_ORG), {"org_id": org_id}).scalar()


def cached_balance(org_id: int) -> int:
    current_app.logger.debug("balance for %s (not mem:* keys)", org_id)
    return int(redis_client.get(balance_key(org_id)) or 0)


def activity_of(org_id: int) -> list:
    return db.session.execute(queries.ACTIVITY_OF_ORG, {"org_id": org_id}).all()
