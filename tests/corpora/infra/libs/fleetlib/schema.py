"""SQLAlchemy Core tables of the workspace database, shared by the workspace server and its tools."""

import sqlalchemy as sa

metadata = sa.MetaData()

activity_events = sa.Table(
    "activity_events",
    metadata,
    sa.Column("id", sa.BigInteger, primary_key=True),
    sa.Column("workspace_id", sa.Uuid, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
    sa.Column("payload", sa.JSON),
    sa.Column("created_at", sa.DateTime(timezone=True)),
)
