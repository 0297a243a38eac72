"""Read helpers over the tenant memory tables (meant for tenant-side callers)."""

from __future__ import annotations

from sqlalchemy import text

from .db import tenant_engine


def fetch_recent_memories(workspace_id: str, limit: int = 20) -> list[dict]:
    with tenant_engine().connect() as conn:
        rows = conn.execute(
            text("SELECT id, content, created_at FROM agent_memories WHERE workspace_id = :ws ORDER BY created_at DESC LIMIT :n"),
            {"ws": workspace_id, "n": limit},
        )
        return [dict(row._mapping) for row in rows]


def summarize_length(body: str, limit: int = 280) -> str:
    """Trim `body` to at most `limit` characters on a word boundary. Pure function."""
    if len(body) <= limit:
        return body
    cut = body[: limit - 1].rsplit(" ", 1)[0]
    return cut + "…"
