"""Storage metering: bytes held per org, for the storage line of the invoice."""

from __future__ import annotations

from sqlalchemy.engine import Connection

from libs.datalib import tables
from libs.datalib.reporting import memory_stats, table_size  # expect: MOL104


def memory_line_items(replica: Connection) -> list[tuple[str, int]]:
    return memory_stats(replica)  # expect: MOL101


def platform_table_sizes(conn: Connection) -> dict[str, int]:
    return {name: table_size(conn, name) for name in (tables.INVOICES, tables.BILLING_USAGE, tables.ORGS)}
