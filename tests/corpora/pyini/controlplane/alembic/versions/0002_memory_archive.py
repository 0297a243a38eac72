"""memory archive

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

from common import names

revision = "0002"
down_revision = "0001"


def upgrade():
    op.create_table(
        names.MEMORIES,
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("org_id", sa.String, nullable=False),
        sa.Column("content", sa.Text),
    )
    op.create_table(
        "invoice_lines",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("invoice_id", sa.Integer, nullable=False),
    )


def downgrade():
    op.drop_table("invoice_lines")
    op.drop_table(names.MEMORIES)
