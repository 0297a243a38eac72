"""Message quota enforcement."""
import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from control.config import CONTROL_DSN, analytics_dsn
from dataplat.tables import TableNames


def count_query(table: str) -> sql.Composed:
    return sql.SQL("SELECT count(*) AS n FROM {} WHERE org_id = %s").format(sql.Identifier(table))


def messages_used(org_id: str) -> int:
    with psycopg.connect(analytics_dsn()) as conn:
        with conn.cursor(row_factory=dict_row) as cur:
            cur.execute(count_query(TableNames.messages), (org_id,))
            return cur.fetchone()["n"]


def quota_of(org_id: str) -> int:
    with psycopg.connect(CONTROL_DSN) as conn:
        with conn.cursor(row_factory=dict_row) as cur:
            cur.execute(
                sql.SQL("SELECT monthly_limit FROM {} WHERE org_id = %s").format(sql.Identifier(TableNames.quotas)),
                (org_id,),
            )
            return cur.fetchone()["monthly_limit"]


def messages_per_schema(org_ids: list[str]) -> list[dict]:
    """Fleet view for the support team (one schema per org in the reporting replica)."""
    union = " UNION ALL ".join(
        f"SELECT '{org}' AS org_id, count(*) AS n FROM org_{org}.chat_messages" for org in org_ids
    )
    with psycopg.connect(analytics_dsn()) as conn:
        return conn.execute(union).fetchall()  # expect: MOL201
