"""Raw SQL of the fleet reports. Keep the ORM out of the hot paths (see ADR-12)."""
from libs.common.tables import FleetTables, TenantTables

MEMORY_GROWTH_BY_ORG = f"""
    SELECT org_id, count(*) AS memories, sum(size_bytes) AS bytes
    FROM {TenantTables.MEMORIES}
    WHERE created_at > now() - interval '7 days'
    GROUP BY org_id
"""

ACTIVITY_FOR_ORG = "SELECT kind, created_at FROM ws_activity WHERE org_id = %s ORDER BY created_at DESC LIMIT 500"

ACTIVITY_PER_ORG = "SELECT count(*) FROM ws_activity a WHERE a.org_id = fleet_orgs.slug::uuid"

INVOICE_TOTALS = f"SELECT org_id, sum(amount_cents) FROM {FleetTables.INVOICES} GROUP BY org_id"

# Quota usage comes from fleet_memory_quotas, NOT from ws_memories (that would read tenant data).
QUOTA_USAGE = """
    SELECT o.slug, q.limit_mb, q.used_bytes
    FROM fleet_memory_quotas q JOIN fleet_orgs o ON o.id = q.org_id
"""


def stale_schedule_sql(days):
    return (
        "SELECT org_id, count(*) FROM " + TenantTables.SCHEDULES
        + f" WHERE enabled AND updated_at < now() - interval '{int(days)} days' GROUP BY org_id"
    )
