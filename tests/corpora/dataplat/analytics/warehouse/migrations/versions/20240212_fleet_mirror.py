"""fleet mirror tables

Revision ID: 7c1e2a9f0b3d
Revises: 4b0d7e1c2a55
Create Date: 2024-02-12 09:14:03.118220
"""

import sqlalchemy as sa
from alembic import op

revision = "7c1e2a9f0b3d"
down_revision = "4b0d7e1c2a55"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(  # expect: MOL203
        "activity_events",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.Uuid, nullable=False, index=True),
        sa.Column("workspace_id", sa.Uuid, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        schema="fleet",
    )
    op.create_table(
        "invoice_snapshots",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.Uuid, nullable=False),
        sa.Column("amount_cents", sa.BigInteger, nullable=False),
        sa.Column("seat_hours", sa.Numeric(12, 2), nullable=False),
        sa.Column("period", sa.Date, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("invoice_snapshots")
    op.drop_table("activity_events", schema="fleet")
