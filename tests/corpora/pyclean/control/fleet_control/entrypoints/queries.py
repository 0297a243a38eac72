"""SQL the HTTP layer runs directly (hot paths, no ORM)."""

from kernel.naming import ControlTable, WorkspaceTable

ORG_BY_SLUG = f"SELECT id, workspace_id, plan FROM {ControlTable.ORGANIZATIONS} WHERE slug = :slug"
THREAD_FOR_TICKET = (
    f"SELECT id, author, body, created_at FROM {WorkspaceTable.MESSAGES} "
    "WHERE org_id = :org_id AND thread_id = :thread_id ORDER BY created_at"
)
