"""support console mirror of workspace threads and schedules

Revision ID: 0002
Revises: 0001
Create Date: 2024-03-11 16:40:02
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(  # expect: MOL203
        "chat_messages",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(36), nullable=False, index=True),
        sa.Column("thread_id", sa.String(36), nullable=False),
        sa.Column("author", sa.String(255), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
    )
    op.execute("CREATE TABLE cron_schedules (id bigint PRIMARY KEY, org_id varchar(36) NOT NULL, cron text, payload jsonb)")  # expect: MOL203
    op.create_table(
        "dns_records",
        sa.Column("id", sa.BigInteger, primary_key=True),
        sa.Column("org_id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(255), nullable=False),
        sa.Column("target", sa.String(255), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("dns_records")
    op.execute("DROP TABLE cron_schedules")
    op.drop_table("chat_messages")
