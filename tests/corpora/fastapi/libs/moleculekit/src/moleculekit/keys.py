"""Redis key helpers: every key is built here so prefixes never drift."""

WORKSPACE_PREFIX = "ws"
MEMORY_PREFIX = "mem"
BILLING_PREFIX = "billing"


def _key(*parts: str) -> str:
    return ":".join(parts)


def workspace_key(workspace_id: str, *parts: str) -> str:
    return _key(WORKSPACE_PREFIX, workspace_id, *parts)


def memory_key(memory_id: str) -> str:
    return _key(MEMORY_PREFIX, memory_id)


def billing_key(org_id: str) -> str:
    return _key(BILLING_PREFIX, org_id)
