"""Daily digest e-mail for org admins."""

from __future__ import annotations

from common.memory_access import fetch_recent_memories  # expect: MOL104
from common.text import truncate


def digest_section(workspace_id: str) -> str:
    memories = fetch_recent_memories(workspace_id, limit=5)  # expect: MOL101, MOL102
    lines = [f"- {truncate(m['content'], 80)}" for m in memories]
    return "Recent memories:\n" + "\n".join(lines)
