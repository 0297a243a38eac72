"""Operator plugins located by name at run time."""

import importlib
from types import ModuleType

import psycopg

from kit import schema, tables

STORE_MODULE = "workspace.store.runs"
LEDGER_MEMBER = "LEDGER"
RUNS_MEMBER = "RUNS"


def load_store() -> ModuleType:
    return importlib.import_module(STORE_MODULE)  # expect: MOL104


def legacy_runs(conn: psycopg.Connection, org_id: str) -> list[dict]:
    return conn.execute(f"SELECT * FROM {tables.RUNS_TABLE} WHERE org_id = %s", (org_id,)).fetchall()  # expect: MOL101


def legacy_ledger(conn: psycopg.Connection, org_id: str) -> list[dict]:
    return conn.execute(f"SELECT * FROM {tables.LEDGER_TABLE} WHERE org_id = %s", (org_id,)).fetchall()


def member_rows(conn: psycopg.Connection, org_id: str) -> tuple[list[dict], list[dict]]:
    ledger = getattr(schema.ControlTable, LEDGER_MEMBER)
    own = conn.execute(f"SELECT * FROM {ledger} WHERE org_id = %s", (org_id,)).fetchall()
    table = getattr(schema.WsTable, RUNS_MEMBER)
    theirs = conn.execute(f"SELECT * FROM {table} WHERE org_id = %s", (org_id,)).fetchall()  # expect: MOL101
    return own, theirs
