"""Query helpers both services run on a Tortoise connection."""

from __future__ import annotations

from typing import Any

from libs import dbnames


async def count_rows(conn: Any, table: str) -> int:
    _, rows = await conn.execute_query(f"SELECT count(*) AS n FROM {table}")
    return int(rows[0]["n"])


async def unread_messages(conn: Any, org_id: str) -> int:
    _, rows = await conn.execute_query(
        f"SELECT count(*) AS n FROM {dbnames.MESSAGES} WHERE org_id = $1 AND read_at IS NULL",
        [org_id],
    )
    return int(rows[0]["n"])
