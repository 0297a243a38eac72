"""copy of runtime state for the support console

Revision ID: 0002
"""

import sqlalchemy as sa
from alembic import op

from libs.kernel.names import CHAT_TABLE

revision = "0002"
down_revision = "0001"

MIRROR = "run_history"


def upgrade() -> None:
    op.create_table(  # expect: MOL203
        MIRROR,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(), nullable=False),
        sa.Column("notebook_id", sa.String(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
    )
    op.create_table(  # expect: MOL203
        CHAT_TABLE,
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table(CHAT_TABLE)
    op.drop_table(MIRROR)
