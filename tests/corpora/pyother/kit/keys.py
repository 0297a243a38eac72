"""Redis key layout. Workspace servers keep memories under `mem:`; the fleet counts API calls under `bill:`."""

MEMORY_PREFIX = "mem:"
BILLING_PREFIX = "bill:"


def memory_key(org_id: str, workspace_id: str) -> str:
    return f"{MEMORY_PREFIX}{org_id}:{workspace_id}"


def billing_key(org_id: str) -> str:
    return BILLING_PREFIX + org_id
