"""SQLAlchemy Core tables of the workspace database, for tooling that reads it."""

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, Text

from common import names

metadata = MetaData()

memories = Table(
    names.MEMORIES,
    metadata,
    Column("id", Integer, primary_key=True),
    Column("org_id", String, nullable=False),
    Column("workspace_id", String, nullable=False),
    Column("content", Text),
    Column("created_at", DateTime),
)

activity = Table(
    "activity_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("org_id", String, nullable=False),
    Column("kind", String),
)
