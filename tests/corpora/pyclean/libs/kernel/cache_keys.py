"""Redis key layout. Workspace keys live in each tenant's Redis; quota keys in the control plane's."""

MEMORY_PREFIX = "mem"


def memory_key(workspace_id: str) -> str:
    return f"{MEMORY_PREFIX}:{workspace_id}"


def run_queue_key(workspace_id: str) -> str:
    return "runs:" + workspace_id


def quota_key(org_id: str) -> str:
    return f"quota:{org_id}"
