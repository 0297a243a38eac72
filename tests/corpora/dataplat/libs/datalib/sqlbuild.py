"""Small SQL builders used by reports. Identifiers come from datalib.tables, never from users."""

from __future__ import annotations


def count_by_org(table: str, *, column: str = "org_id") -> str:
    return f"SELECT {column}, count(*) AS n FROM {table} GROUP BY {column}"


def per_org(table: str, columns: str = "*") -> str:
    return f"SELECT {columns} FROM {table} WHERE org_id = %(org_id)s"


def rowcount(table: str) -> str:
    return f"SELECT count(*) FROM {table}"
