"""initial

Revision ID: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None


def upgrade():
    op.create_table(
        "agent_memories",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.String(36)),
        sa.Column("content", sa.Text()),
        sa.Column("embedding", sa.LargeBinary()),
        sa.Column("created_at", sa.DateTime()),
    )
    op.create_table(
        "activity_log",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.String(36)),
        sa.Column("kind", sa.String(32)),
        sa.Column("created_at", sa.DateTime()),
    )
    op.create_table(
        "workspace_secrets",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("workspace_id", sa.String(36)),
        sa.Column("name", sa.String(128)),
        sa.Column("ciphertext", sa.LargeBinary()),
    )
    op.create_table(
        "schedules",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.Integer(), nullable=False),
        sa.Column("cron", sa.String(64)),
    )


def downgrade():
    op.drop_table("schedules")
    op.drop_table("workspace_secrets")
    op.drop_table("activity_log")
    op.drop_table("agent_memories")
