"""Retention job: enforce the plan's retention window on every workspace database."""
from __future__ import annotations

import psycopg

from controlplane.ops.settings import settings
from workspace.indexer.store.memories import MemoryRepository  # expect: MOL104


def enforce_retention(days: int) -> int:
    with psycopg.connect(settings.database_url) as conn:
        return MemoryRepository(conn).purge_older_than(days)  # expect: MOL101
