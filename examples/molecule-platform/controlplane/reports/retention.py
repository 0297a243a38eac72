"""Retention enforcement for cancelled orgs (runs before the host is destroyed)."""

from __future__ import annotations

from datetime import datetime

from common.tables import MEMORIES_TABLE


class RetentionError(RuntimeError):
    pass


def purge_memories(cur, workspace_id: str) -> None:
    cur.execute(f"DELETE FROM {MEMORIES_TABLE} WHERE workspace_id = %s", (workspace_id,))  # expect: MOL101


def purge_vectors(cur, workspace_id: str) -> None:
    cur.execute("DELETE FROM memory_vectors WHERE workspace_id = %s", (workspace_id,))  # expect: MOL101


def archive_messages(cur, workspace_id: str, before: datetime) -> list[tuple]:
    clause = "workspace_id = %s AND created_at < %s"
    cur.execute("SELECT id, sender, body FROM workspace_messages WHERE " + clause, (workspace_id, before))  # expect: MOL101
    return cur.fetchall()


def export_activity(org_id: str) -> None:
    raise RetentionError(f"refusing to copy rows from activity_logs for org {org_id}: tenant data stays on the tenant host")
