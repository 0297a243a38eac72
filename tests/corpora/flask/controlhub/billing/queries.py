"""Raw SQL used by the billing service."""

from sqlalchemy import text

from fleetlib import tables as t

INVOICE_TOTALS = """
SELECT org_id, sum(amount_cents) AS total
FROM invoices
WHERE period = :period
GROUP BY org_id
"""

MEMORY_USAGE_BY_ORG = f"""
SELECT org_id, count(*) AS memories, sum(length(content)) AS bytes
FROM {t.MEMORIES}
GROUP BY org_id
"""

QUOTA_OF_ORG = f"SELECT limit_mb FROM {t.QUOTAS} WHERE org_id = :org_id"

ACTIVITY_OF_ORG = text(f"SELECT kind, created_at FROM {t.ACTIVITY} WHERE org_id = :org_id")  # expect: MOL101
