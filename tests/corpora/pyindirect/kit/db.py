"""psycopg 3 helpers: a connection context manager and thin query wrappers."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import psycopg
from psycopg.rows import dict_row


@contextmanager
def connect(dsn: str) -> Iterator[psycopg.Connection]:
    conn = psycopg.connect(dsn, row_factory=dict_row, autocommit=True)
    try:
        yield conn
    finally:
        conn.close()


def run_sql(conn: psycopg.Connection, sql: str, *params: Any) -> psycopg.Cursor:
    return conn.execute(sql, params or None)


def query(conn: psycopg.Connection, *args: Any, **kwargs: Any) -> psycopg.Cursor:
    return run_sql(conn, *args, **kwargs)


def fetch(conn: psycopg.Connection, *args: Any, **kwargs: Any) -> list[dict]:
    return query(conn, *args, **kwargs).fetchall()


def count_rows(conn: psycopg.Connection, *, table: str, where: str = "TRUE") -> int:
    return conn.execute(f"SELECT count(*) AS n FROM {table} WHERE {where}").fetchone()["n"]


def make_reader(table: str, *, org_column: str = "org_id") -> Callable[[psycopg.Connection, str], list[dict]]:
    def read(conn: psycopg.Connection, org_id: str) -> list[dict]:
        return conn.execute(f"SELECT * FROM {table} WHERE {org_column} = %s", (org_id,)).fetchall()

    return read
