"""SQL for the asyncpg report jobs: kept as plain strings so DBAs can review them in one file."""

from moleculekit.tables import PlatformTable, Table

ACTIVE_ORGS = f"SELECT id, slug, workspace_host FROM {PlatformTable.ORGS} WHERE status = $1"

MESSAGES_PER_ORG = f"""
    SELECT org_id, count(*) AS messages
    FROM {Table.CHAT_MESSAGES}
    WHERE created_at >= $1
    GROUP BY org_id
"""

SCHEDULES_FOR_ORG = f"SELECT id, cron, next_run_at FROM {Table.SCHEDULES} WHERE org_id = $1"

QUOTA_PRESSURE = """
    SELECT org_id, used_memories::float / max_memories AS pressure
    FROM memory_quotas
    GROUP BY org_id, used_memories, max_memories
"""

# Invoices per org for the month; named like the tenant's activity feed but reads only invoices.
ACTIVITY_INVOICES = "SELECT org_id, count(*) FROM invoices WHERE issued_at >= $1 GROUP BY org_id"
