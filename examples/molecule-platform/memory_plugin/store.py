"""Storage for the memory plugin: the org's Postgres (pgvector) plus a Redis cache."""

from __future__ import annotations

import hashlib
import json
import os

import psycopg
import redis


def embed(text: str, dims: int = 16) -> list[float]:
    """Toy embedding used in dev; production calls the model sidecar."""
    digest = hashlib.sha256(text.encode()).digest()
    return [b / 255 for b in digest[:dims]]


class MemoryStore:
    def __init__(self) -> None:
        self._redis = redis.Redis.from_url(os.environ["TENANT_REDIS_URL"], decode_responses=True)
        self._dsn = os.environ["TENANT_DATABASE_URL"]

    def recent(self, workspace_id: str, limit: int) -> list[dict]:
        cached = self._redis.get(f"memory:{workspace_id}:recent")
        if cached:
            return json.loads(cached)[:limit]
        with psycopg.connect(self._dsn) as conn:
            rows = conn.execute(
                "SELECT id, workspace_id, content FROM agent_memories WHERE workspace_id = %s ORDER BY created_at DESC LIMIT %s",
                (workspace_id, limit),
            ).fetchall()
        items = [{"id": r[0], "workspace_id": r[1], "content": r[2]} for r in rows]
        self._redis.setex(f"memory:{workspace_id}:recent", 60, json.dumps(items))
        return items

    def search(self, workspace_id: str, q: str, k: int) -> list[dict]:
        with psycopg.connect(self._dsn) as conn:
            rows = conn.execute(
                "SELECT memory_id, 1 - (embedding <=> %s::vector) AS score FROM memory_vectors "
                "WHERE workspace_id = %s ORDER BY score DESC LIMIT %s",
                (str(embed(q)), workspace_id, k),
            ).fetchall()
        return [{"id": r[0], "score": float(r[1])} for r in rows]
