"""activity mirror for the fleet dashboard

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

from eventkit.tables import ACTIVITY

revision = "0003"
down_revision = "0002"


def upgrade() -> None:
    op.create_table(  # expect: MOL203
        ACTIVITY,
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True)),
    )


def downgrade() -> None:
    op.drop_table(ACTIVITY)
