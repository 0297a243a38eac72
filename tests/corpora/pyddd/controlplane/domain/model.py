"""Platform aggregates: organisations, subscriptions, quotas."""

from datetime import datetime

from sqlmodel import Field, SQLModel


class Organization(SQLModel, table=True):
    __tablename__ = "organizations"

    id: str = Field(primary_key=True)
    name: str
    host: str
    created_at: datetime


class NotebookQuota(SQLModel, table=True):
    # The platform's own quota per org; not the tenant's notebooks table.
    __tablename__ = "notebook_quotas"

    org_id: str = Field(primary_key=True)
    max_notebooks: int = 100


class Invoice(SQLModel, table=True):
    __tablename__ = "invoices"

    id: int = Field(primary_key=True)
    org_id: str
    amount_cents: int
