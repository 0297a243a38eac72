"""Runtime API routes, as the runtime's router declares them."""

ROUTES = {
    "memories": "/workspaces/{ws}/memories",
    "activity": "/workspaces/{ws}/activity",
    "health": "/healthz",
}


def mem_key(org_id: str, workspace_id: str) -> str:
    return f"mem:{org_id}:{workspace_id}"
