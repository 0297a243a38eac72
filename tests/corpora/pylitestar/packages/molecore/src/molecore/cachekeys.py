MEMORY_COUNT_PREFIX = "mem:count:"
PLAN_CACHE_PREFIX = "plan:"


def memory_count_key(org_id: str) -> str:
    return f"{MEMORY_COUNT_PREFIX}{org_id}"


def plan_key(org_id: str) -> str:
    return PLAN_CACHE_PREFIX + org_id
