"""Cursor helpers for raw SQL."""

from __future__ import annotations

from typing import Any

from django.db import connections

from controlplane.core.constants import FLEET_DB


def fetch_all(sql: str, params: list[Any] | None = None, using: str = "default") -> list[tuple[Any, ...]]:
    with connections[using].cursor() as cursor:
        cursor.execute(sql, params or [])
        return cursor.fetchall()


def fleet_cursor():
    return connections[FLEET_DB].cursor()  # expect: MOL102
