package billing

// q holds the analytics queries, reviewed as SQL in one place.
var q = struct {
	a2aRollup     string
	invoiceTotals string
}{
	a2aRollup: `SELECT w.org_id, count(*) AS calls
		FROM activity_logs a JOIN workspaces w ON w.id = a.workspace_id
		WHERE a.activity_type = 'a2a_send' AND a.created_at >= $1
		GROUP BY w.org_id`,
	invoiceTotals: `SELECT org_id, sum(quantity) FROM usage_records WHERE recorded_at >= $1 GROUP BY org_id`,
}
