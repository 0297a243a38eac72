"""platform tables

Revision ID: 0001
Revises:
Create Date: 2024-01-05 10:12:44
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("slug", sa.String(63), nullable=False, unique=True),
        sa.Column("workspace_id", sa.String(36), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default="active"),
        sa.Column("plan", sa.String(32), nullable=False),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(36), sa.ForeignKey("organizations.id"), nullable=False, index=True),
        sa.Column("amount_cents", sa.Integer, nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_table(
        "message_quotas",
        sa.Column("org_id", sa.String(36), sa.ForeignKey("organizations.id"), primary_key=True),
        sa.Column("monthly_limit", sa.Integer, nullable=False),
    )
    op.create_table(
        "activity_audit",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("actor", sa.String(255), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
    )
    op.create_table(
        "usage_snapshots",
        sa.Column("org_id", sa.String(36), primary_key=True),
        sa.Column("taken_on", sa.Date, primary_key=True),
        sa.Column("seats", sa.Integer, nullable=False),
        sa.Column("memories", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    for table in ("usage_snapshots", "activity_audit", "message_quotas", "invoices", "organizations"):
        op.drop_table(table)
