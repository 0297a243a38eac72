"""agent schedules, runs, tool calls and workspace secrets

Revision ID: 0002
Revises: 0001
Create Date: 2026-05-19 08:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "agent_schedules",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("org_id", sa.String(64), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("cron", sa.String(64), nullable=False),
        sa.Column("next_run_at", sa.DateTime(timezone=True)),
    )
    op.create_table(
        "agent_runs",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("org_id", sa.String(64), nullable=False),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
    )
    op.execute("CREATE TABLE tool_calls (id bigserial PRIMARY KEY, org_id varchar(64) NOT NULL, run_id bigint, tool text)")
    op.execute(
        """
        CREATE TABLE workspace_secrets (
            id bigserial PRIMARY KEY,
            org_id varchar(64) NOT NULL,
            name text NOT NULL,
            ciphertext bytea NOT NULL
        )
        """
    )


def downgrade() -> None:
    op.execute("DROP TABLE workspace_secrets")
    op.drop_table("agent_runs")
    op.drop_table("agent_schedules")
    op.execute("DROP TABLE tool_calls")
