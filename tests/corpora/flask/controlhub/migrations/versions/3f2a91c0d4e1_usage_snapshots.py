"""usage snapshots and support archive

Revision ID: 3f2a91c0d4e1
Revises: 1b7c0e55aa20
"""

import sqlalchemy as sa
from alembic import op

revision = "3f2a91c0d4e1"
down_revision = "1b7c0e55aa20"


def upgrade():
    op.create_table(
        "usage_snapshots",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("org_id", sa.Integer(), sa.ForeignKey("orgs.id")),
        sa.Column("activity_events", sa.Integer()),
        sa.Column("taken_at", sa.DateTime()),
    )
    op.create_table(  # expect: MOL203
        "workspace_secrets",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("org_id", sa.Integer()),
        sa.Column("name", sa.String(128)),
        sa.Column("ciphertext", sa.LargeBinary()),
    )
    op.create_table(  # expect: MOL203
        "support_memory_copies",
        sa.Column("id", sa.BigInteger(), primary_key=True),
        sa.Column("workspace_id", sa.String(36)),
        sa.Column("content", sa.Text()),
        sa.Column("embedding", sa.LargeBinary()),
    )


def downgrade():
    op.drop_table("support_memory_copies")
    op.drop_table("workspace_secrets")
    op.drop_table("usage_snapshots")
