"""platform schema

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "organizations",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("host", sa.String(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "notebook_quotas",
        sa.Column("org_id", sa.String(), sa.ForeignKey("organizations.id"), primary_key=True),
        sa.Column("max_notebooks", sa.Integer(), nullable=False),
    )
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
    )
    op.create_table(
        "usage_reports",
        sa.Column("org_id", sa.String(), primary_key=True),
        sa.Column("messages", sa.Integer(), nullable=False),
        sa.Column("runs", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    for name in ("usage_reports", "invoices", "notebook_quotas", "organizations"):
        op.drop_table(name)
