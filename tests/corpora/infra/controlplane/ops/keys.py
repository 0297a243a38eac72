"""Redis key layouts the ops tools touch."""

MEMORY_PREFIX = "mem"
PLAN_PREFIX = "plan"


def memory_key_pattern(workspace_id: str = "*") -> str:
    return f"{MEMORY_PREFIX}:{workspace_id}:*"


def plan_key(org_id: str) -> str:
    return f"{PLAN_PREFIX}:{org_id}"
