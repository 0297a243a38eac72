"""Redis key builders, so both services agree on the layout."""

SESSION_PATTERN = "ws:*:session"


def memory_count_key(org_id: str, workspace_id: str) -> str:
    return f"mem:{org_id}:{workspace_id}:count"


def session_key(org_id: str, session_id: str) -> str:
    return f"ws:{org_id}:{session_id}:session"


def invoice_key(org_id: str) -> str:
    return f"billing:invoice:{org_id}"
