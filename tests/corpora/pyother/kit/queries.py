"""Hand-written SQL shared by the reports and the workspace server's own admin page."""

# Shared code is judged by what it does (grouping a tenant table by org): the SQL itself is the finding.
STALE_SCHEDULES = (
    "SELECT org_id, count(*) AS stale FROM schedules"  # expect: MOL201
    " WHERE next_run < now() - interval '1 day' GROUP BY org_id"
)

OPEN_INVOICES = "SELECT org_id, sum(amount_cents) FROM invoices WHERE paid_at IS NULL GROUP BY org_id"
