package billing

import "github.com/acme/lattice/libs/tables"

// messageVolumeQuery feeds the per-seat overage estimate.
const messageVolumeQuery = `SELECT count(*) FROM ` + tables.Messages + ` WHERE workspace_id = @ws`

// planQuery is ours: billing_accounts lives in the control-plane database.
const planQuery = `SELECT plan, seats FROM billing_accounts WHERE org_id = @org`

var named = map[string]string{
	"schedulesByWorkspace": `SELECT id, cron_expr FROM schedules WHERE workspace_id IN (?)`,
	"eventsByOrg":          `SELECT kind, sum(quantity) FROM billing_events WHERE org_id IN (?) GROUP BY kind`,
}
