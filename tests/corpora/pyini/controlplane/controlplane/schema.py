"""The control plane's own tables."""

from sqlalchemy import Column, Integer, MetaData, String, Table

metadata = MetaData()

orgs = Table("orgs", metadata, Column("id", String, primary_key=True), Column("name", String), Column("host", String))
invoices = Table(
    "invoices",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("org_id", String),
    Column("amount_cents", Integer),
)
memory_quotas = Table("memory_quotas", metadata, Column("org_id", String, primary_key=True), Column("max_items", Integer))
activity_audit = Table("activity_audit", metadata, Column("id", Integer, primary_key=True), Column("org_id", String), Column("action", String))
