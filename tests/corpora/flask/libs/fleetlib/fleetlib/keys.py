"""Redis key builders."""

MEMORY_PREFIX = "mem"
ACTIVITY_PREFIX = "act"


def memory_key(workspace_id: str, memory_id: str) -> str:
    return f"{MEMORY_PREFIX}:{workspace_id}:{memory_id}"


def activity_stream(workspace_id: str) -> str:
    return ":".join([ACTIVITY_PREFIX, workspace_id, "stream"])


def balance_key(org_id: int) -> str:
    return f"billing:{org_id}:balance"
