"""SQLAlchemy Core table objects for reports that prefer the expression language."""

from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table

from .schema import ControlTable, WsTable

metadata = MetaData()

runs = Table(
    WsTable.RUNS,
    metadata,
    Column("id", String, primary_key=True),
    Column("org_id", String, nullable=False),
    Column("status", String, nullable=False),
    Column("started_at", DateTime(timezone=True)),
)

invoices = Table(
    ControlTable.INVOICES,
    metadata,
    Column("id", String, primary_key=True),
    Column("org_id", String, nullable=False),
    Column("amount_cents", Integer, nullable=False),
)
