"""Small SQL builders shared by both services."""

from __future__ import annotations

from collections.abc import Sequence


def select_for_org(table: str, columns: Sequence[str] = ("id",)) -> str:
    return "SELECT {} FROM {} WHERE org_id = %s".format(", ".join(columns), table)


def count_by(table: str, key: str) -> str:
    return f"SELECT {key}, count(*) AS n FROM {table} GROUP BY {key}"


def latest(table: str, limit: int = 50) -> str:
    return select_for_org(table, ("id", "created_at")) + f" ORDER BY created_at DESC LIMIT {limit}"
