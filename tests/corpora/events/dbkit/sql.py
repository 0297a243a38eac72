"""Raw SQL builders for reports that are too wide for the ORM."""

from __future__ import annotations


def rows_per_org(table: str, since_column: str = "created_at") -> str:
    return f"SELECT org_id, count(*) AS n FROM {table} WHERE {since_column} >= :since GROUP BY org_id"


def rows_of_org(table: str) -> str:
    return f"SELECT count(*) FROM {table} WHERE org_id = :org_id"


def table_size(table: str) -> str:
    return f"SELECT count(*) FROM {table}"
