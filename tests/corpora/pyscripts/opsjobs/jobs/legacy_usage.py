"""Usage report from before the SQLAlchemy 2.0 upgrade; still run by hand at quarter end."""

import sqlalchemy as sa

from acmelib.tables import accounts, activity
from opsjobs.db import ops_engine


def activity_per_org(engine):
    query = sa.select([activity.c.org_id, sa.func.count(activity.c.id)]).group_by(activity.c.org_id)  # expect: MOL101, MOL201
    with engine.connect() as conn:
        return conn.execute(query).fetchall()


def plans_per_org():
    query = sa.select([accounts.c.org_id, sa.func.count()]).group_by(accounts.c.org_id)
    with ops_engine().connect() as conn:
        return conn.execute(query).fetchall()


def org_activity(engine, org_id):
    query = sa.select([activity.c.verb]).where(activity.c.org_id == org_id)  # expect: MOL101
    with engine.connect() as conn:
        return conn.execute(query).fetchall()
