from typing import Any, Sequence

from django.db import connections


def fetch_all(alias: str, sql: str, params: Sequence[Any] | None = None) -> list[tuple[Any, ...]]:
    with connections[alias].cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchall()


def count_rows(alias: str, table: str, where: str = "TRUE") -> int:
    """Row count of `table` on the database `alias` (used by the admin usage page)."""
    return fetch_all(alias, f"SELECT count(*) FROM {table} WHERE {where}")[0][0]
