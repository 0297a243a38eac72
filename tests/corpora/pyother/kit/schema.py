"""SQLAlchemy Core table objects (no ORM): the reports build selects on them."""

from sqlalchemy import BigInteger, Column, DateTime, MetaData, Table, Text

from kit.tables import SCHEDULES, PlatformTable

metadata = MetaData()

schedules = Table(
    SCHEDULES,
    metadata,
    Column("id", BigInteger, primary_key=True),
    Column("org_id", Text, nullable=False),
    Column("cron", Text, nullable=False),
    Column("next_run", DateTime(timezone=True)),
)

orgs = Table(
    PlatformTable.ORGS.value,
    metadata,
    Column("id", Text, primary_key=True),
    Column("slug", Text, nullable=False),
)
