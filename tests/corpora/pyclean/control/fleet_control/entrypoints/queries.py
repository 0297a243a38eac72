"""SQL the HTTP layer runs directly (hot paths, no ORM)."""

from kernel.naming import ControlTable, WorkspaceTable

ORG_BY_SLUG = f"SELECT id, workspace_id, plan FROM {ControlTable.ORGANIZATIONS} WHERE slug = :slug"
NOTES_FOR_TICKET = (
    f"SELECT id, kind, body, created_at FROM {WorkspaceTable.MEMORIES} "
    "WHERE org_id = :org_id AND workspace_id = :workspace_id ORDER BY created_at"
)
# The support mirror (migration 0002) is the control plane's own table, whatever its name.
MIRRORED_THREAD = f"SELECT id, author, body FROM {WorkspaceTable.MESSAGES} WHERE org_id = :org_id AND thread_id = :thread_id"
