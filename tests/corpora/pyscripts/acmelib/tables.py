"""SQLAlchemy Core table definitions the scripts share."""

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text

metadata = MetaData()

activity = Table(
    "activity_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("org_id", String, nullable=False),
    Column("workspace_id", String, nullable=False),
    Column("verb", Text, nullable=False),
    Column("created_at", DateTime, nullable=False),
)

accounts = Table(
    "accounts",
    metadata,
    Column("id", String, primary_key=True),
    Column("org_id", String, nullable=False),
    Column("plan", String, nullable=False),
)
