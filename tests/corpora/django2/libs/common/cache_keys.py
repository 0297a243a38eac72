"""Redis key layouts. The workspace server writes mem:/act: keys; the fleet uses quota:/dns:."""

MEMORY_PREFIX = "mem:"
ACTIVITY_STREAM = "act:{workspace_id}"
QUOTA_KEY = "quota:{org_id}"


def memory_key(workspace_id, key):
    return f"{MEMORY_PREFIX}{workspace_id}:{key}"


def quota_key(org_id):
    return QUOTA_KEY.format(org_id=org_id)
