"""memory quotas

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    op.create_table(
        "memory_quotas",
        sa.Column("org_id", sa.String(64), primary_key=True),
        sa.Column("max_memories", sa.Integer, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("memory_quotas")
