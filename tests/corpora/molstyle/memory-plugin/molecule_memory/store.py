"""asyncpg data access for agent memories."""

from __future__ import annotations

from typing import Any

import asyncpg

from .constants import MEMORY_TABLE, NAMESPACE_DEFAULT


class MemoryStore:
    def __init__(self, conn: asyncpg.Connection | asyncpg.Pool) -> None:
        self._conn = conn

    async def commit(self, workspace_id: str, content: str, scope: str, namespace: str = NAMESPACE_DEFAULT) -> str:
        return await self._conn.fetchval(
            f"INSERT INTO {MEMORY_TABLE} (workspace_id, content, scope, namespace) VALUES ($1, $2, $3, $4) RETURNING id",
            workspace_id, content, scope, namespace,
        )

    async def recall(self, workspace_id: str, query: str, limit: int = 20) -> list[dict[str, Any]]:
        rows = await self._conn.fetch(
            f"SELECT id, content, scope FROM {MEMORY_TABLE} WHERE workspace_id = $1 AND content ILIKE $2 LIMIT $3",
            workspace_id, f"%{query}%", limit,
        )
        return [dict(r) for r in rows]

    async def stats(self) -> dict[str, int]:
        """Memories per scope, for the canvas' memory panel."""
        rows = await self._conn.fetch(f"SELECT scope, count(*) AS n FROM {MEMORY_TABLE} GROUP BY scope")
        return {r["scope"]: r["n"] for r in rows}
