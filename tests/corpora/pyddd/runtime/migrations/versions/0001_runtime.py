"""runtime schema

Revision ID: r0001
"""

import sqlalchemy as sa
from alembic import op

revision = "r0001"
down_revision = None


def upgrade() -> None:
    op.create_table(
        "notebooks",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("org_id", sa.String(), nullable=False),
        sa.Column("title", sa.String(), nullable=False),
    )
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
    )
    op.create_table(
        "run_history",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.String(), nullable=False),
        sa.Column("notebook_id", sa.String(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
    )
    op.create_table(
        "kernel_sessions",
        sa.Column("id", sa.String(), primary_key=True),
        sa.Column("notebook_id", sa.String(), nullable=False),
    )


def downgrade() -> None:
    for name in ("kernel_sessions", "run_history", "chat_messages", "notebooks"):
        op.drop_table(name)
