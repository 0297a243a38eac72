"""mirror agent runs so the run-time dashboard does not hit every host

Revision ID: 0002
Revises: 0001
Create Date: 2026-08-03 16:22:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table("agent_runs",  # expect: MOL203
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("org_id", sa.String(64), nullable=False, index=True),
        sa.Column("workspace_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True)),
    )
    op.execute("CREATE TABLE tool_calls (id bigint PRIMARY KEY, org_id varchar(64), run_id bigint, tool text)")  # expect: MOL203


def downgrade() -> None:
    op.drop_table("tool_calls")
    op.drop_table("agent_runs")
