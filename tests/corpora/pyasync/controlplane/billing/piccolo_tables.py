"""Billing tables (Piccolo), and the workspace activity that metering reads."""

from piccolo.columns import UUID, Integer, Timestamp, Varchar
from piccolo.engine.postgres import PostgresEngine
from piccolo.table import Table

from controlplane import config

BILLING_DB = PostgresEngine(config={"dsn": config.DATABASE_URL})
WORKSPACE_DB = PostgresEngine(config={"host": config.FLEET_DB_HOST, "database": "workspace", "user": "metering"})  # expect: MOL102


class UsageSnapshot(Table, tablename="usage_snapshots", db=BILLING_DB):
    org_id = Varchar(length=64)
    seats = Integer()
    taken_at = Timestamp()


class ActivityRow(Table, tablename="activity_events", db=WORKSPACE_DB):
    org_id = Varchar(length=64)
    workspace_id = UUID()
    verb = Varchar(length=40)
    created_at = Timestamp()
