"""platform schema

Revision ID: 0001
Revises:
Create Date: 2026-01-12 09:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "orgs",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("slug", sa.String(64), unique=True, nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="active"),
        sa.Column("workspace_host", sa.String(255)),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_table(
        "billing_accounts",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("orgs.id"), nullable=False),
        sa.Column("stripe_customer_id", sa.String(64), nullable=False),
    )
    op.create_table(
        "memory_quotas",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("orgs.id"), nullable=False),
        sa.Column("max_memories", sa.Integer(), nullable=False),
        sa.Column("used_memories", sa.Integer(), nullable=False, server_default="0"),
    )
    op.create_table(
        "usage_snapshots",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("orgs.id"), nullable=False),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("billing_accounts.id")),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("seats", sa.Integer(), nullable=False),
        sa.Column("messages_billed", sa.Integer(), server_default="0"),
        sa.UniqueConstraint("org_id", "day"),
    )
    op.create_table(
        "dns_records",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(64), sa.ForeignKey("orgs.id"), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("target", sa.String(255), nullable=False),
    )
    op.execute("CREATE TABLE invoices (id serial PRIMARY KEY, org_id varchar(64) NOT NULL, issued_at timestamptz)")


def downgrade() -> None:
    for name in ("invoices", "dns_records", "usage_snapshots", "memory_quotas", "billing_accounts", "orgs"):
        op.drop_table(name)
