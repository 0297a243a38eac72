"""Control-plane names. The tenant ones are re-exported from the shared table registry."""

from common.tables import ACTIVITY, MEMORIES, MEMORY_QUOTAS, MESSAGES

FLEET_DB = "fleet"
WORKSPACE_CACHE = "workspaces"

MEMORY_KEY = "mem:{org}:{workspace}"
QUOTA_KEY = "quota:{org}"

__all__ = ["ACTIVITY", "MEMORIES", "MEMORY_QUOTAS", "MESSAGES", "FLEET_DB", "WORKSPACE_CACHE", "MEMORY_KEY", "QUOTA_KEY"]
