"""Table names of both services, in one place so raw SQL and Meta.db_table agree."""

WORKSPACE_PREFIX = "ws_"
FLEET_PREFIX = "fleet_"


def tenant_table(name: str) -> str:
    """Name of a workspace-owned table, e.g. tenant_table("memories")."""
    return f"{WORKSPACE_PREFIX}{name}"


def fleet_table(name: str) -> str:
    return FLEET_PREFIX + name


class TenantTables:
    MEMORIES = tenant_table("memories")
    ACTIVITY = tenant_table("activity")
    MESSAGES = WORKSPACE_PREFIX + "messages"
    SCHEDULES = WORKSPACE_PREFIX + "schedules"


class FleetTables:
    ORGS = fleet_table("orgs")
    INVOICES = fleet_table("invoices")
    MEMORY_QUOTAS = fleet_table("memory_quotas")
    ACTIVITY_CREDITS = fleet_table("activity_credits")
