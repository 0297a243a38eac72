"""Nightly fleet collectors, registered by name; `run_all` calls every one of them for an org."""

from collections.abc import Callable, Iterator
from datetime import datetime
from functools import wraps
from typing import Any

import psycopg

from kit.schema import ControlTable, WsTable
from kit.sqltext import PER_ORG, SELECT_COLS

COLLECTORS: dict[str, Callable[..., Any]] = {}


def collector(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def register(fn: Callable[..., Any]) -> Callable[..., Any]:
        COLLECTORS[name] = fn
        return fn

    return register


def with_table(table: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    def decorate(fn: Callable[..., Any]) -> Callable[..., Any]:
        @wraps(fn)
        def inner(conn: psycopg.Connection, *args: Any, **kwargs: Any) -> Any:
            return fn(conn, table, *args, **kwargs)

        return inner

    return decorate


@with_table(WsTable.SCHEDULES)
def due_schedules(conn: psycopg.Connection, table: str, now: datetime) -> list[dict]:
    return conn.execute(f"SELECT id, org_id FROM {table} WHERE next_run_at <= %s", (now,)).fetchall()


@with_table(ControlTable.DNS)
def expiring_records(conn: psycopg.Connection, table: str, now: datetime) -> list[dict]:
    return conn.execute(f"SELECT id FROM {table} WHERE expires_at <= %s", (now,)).fetchall()


@collector("schedules")
def schedules_due(conn: psycopg.Connection, org_id: str) -> int:
    return len(due_schedules(conn, datetime.now()))  # expect: MOL101


@collector("dns")
def dns_expiring(conn: psycopg.Connection, org_id: str) -> int:
    return len(expiring_records(conn, datetime.now()))


@collector("runs")
def run_columns(conn: psycopg.Connection, org_id: str) -> list[dict]:
    sql = SELECT_COLS.format_map({"cols": "id, status", "table": WsTable.RUNS})
    return conn.execute(sql, {"org": org_id}).fetchall()  # expect: MOL101


@collector("ledger")
def ledger_columns(conn: psycopg.Connection, org_id: str) -> list[dict]:
    sql = SELECT_COLS.format_map({"cols": "id, amount_cents", "table": ControlTable.LEDGER})
    return conn.execute(sql, {"org": org_id}).fetchall()


@collector("stale_notes")
def stale_notes(conn: psycopg.Connection, org_id: str) -> list[str]:
    table, column = WsTable.NOTES, "updated_at"
    sql = f"SELECT id FROM {table} WHERE org_id = %s AND {column} < now() - interval '1 year'"
    if rows := conn.execute(sql, (org_id,)).fetchall():  # expect: MOL101
        return [row["id"] for row in rows]
    return []


@collector("secrets")
def secret_count(conn: psycopg.Connection, org_id: str) -> int:
    parts = ["SELECT", "count(*) AS n", "FROM", WsTable.SECRETS.value, "WHERE", "org_id = %s"]
    return conn.execute(" ".join(parts), (org_id,)).fetchone()["n"]  # expect: MOL101


def run_all(conn: psycopg.Connection, org_id: str) -> dict[str, Any]:
    return {name: fn(conn, org_id) for name, fn in COLLECTORS.items()}


def drop_notes(conn: psycopg.Connection, ids: list[str]) -> None:
    sql = "DELETE FROM %(table)s WHERE id = ANY(%%s)" % {"table": WsTable.NOTES}
    conn.execute(sql, (ids,))  # expect: MOL101


def drop_records(conn: psycopg.Connection, ids: list[str]) -> None:
    sql = "DELETE FROM %(table)s WHERE id = ANY(%%s)" % {"table": ControlTable.DNS}
    conn.execute(sql, (ids,))


def per_org_events(conn: psycopg.Connection) -> list[dict]:
    return conn.execute(PER_ORG.substitute(table=WsTable.EVENTS)).fetchall()  # expect: MOL101, MOL201


def hosts_per_org(conn: psycopg.Connection) -> list[dict]:
    return conn.execute(PER_ORG.substitute(table=ControlTable.HOSTS)).fetchall()


def purge_statements(days: int) -> Iterator[str]:
    for table in (WsTable.RUNS, WsTable.EVENTS):
        yield f"DELETE FROM {table} WHERE created_at < now() - interval '{days} days'"


def purge(conn: psycopg.Connection, days: int = 30) -> None:
    for statement in purge_statements(days):
        conn.execute(statement)  # expect: MOL101
