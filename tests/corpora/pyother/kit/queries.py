"""Hand-written SQL shared by the reports and the workspace server's own admin page."""

STALE_SCHEDULES = """
    SELECT org_id, count(*) AS stale
    FROM schedules
    WHERE next_run < now() - interval '1 day'
    GROUP BY org_id
"""

OPEN_INVOICES = "SELECT org_id, sum(amount_cents) FROM invoices WHERE paid_at IS NULL GROUP BY org_id"
