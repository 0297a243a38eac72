"""workspace tables

Revision ID: 0001
Revises:
Create Date: 2024-01-02 09:00:00
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "memory_entries",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("workspace_id", sa.String(36), nullable=False, index=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.create_table(
        "activity_events",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("workspace_id", sa.String(36), nullable=False, index=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("payload", postgresql.JSONB, nullable=True),
    )
    op.create_table(
        "chat_messages",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("thread_id", sa.String(36), nullable=False, index=True),
        sa.Column("author", sa.String(255), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now()),
    )
    op.execute(
        """
        CREATE TABLE cron_schedules (
            id bigserial PRIMARY KEY,
            org_id varchar(36) NOT NULL,
            workspace_id varchar(36) NOT NULL,
            cron text NOT NULL,
            payload jsonb
        )
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE cron_schedules")
    for table in ("chat_messages", "activity_events", "memory_entries"):
        op.drop_table(table)
