"""DNS records for org hosts (the platform's own tables)."""

import psycopg
from psycopg import sql

DNS_TABLE = "dns_records"


def upsert(conn: psycopg.Connection, org_id: str, name: str, target: str) -> None:
    stmt = sql.SQL("INSERT INTO {} (org_id, name, target) VALUES (%s, %s, %s) ON CONFLICT DO NOTHING")
    conn.execute(stmt.format(sql.Identifier(DNS_TABLE)), (org_id, name, target))


def records(conn: psycopg.Connection) -> list[tuple]:
    return conn.execute(sql.SQL("SELECT org_id, name FROM {}").format(sql.Identifier(DNS_TABLE))).fetchall()
