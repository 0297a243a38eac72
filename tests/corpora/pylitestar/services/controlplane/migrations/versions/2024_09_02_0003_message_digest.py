"""message digest

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from molecore import tables

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(  # expect: MOL203
        tables.MESSAGES,
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("org_id", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
    )
    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Uuid(), primary_key=True),
        sa.Column("invoice_id", sa.Uuid(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("invoice_lines")
    op.drop_table(tables.MESSAGES)
