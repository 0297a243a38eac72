package queries

import "github.com/lumenhq/fleet/pkg/tables"

// Statements built from the shared relation names.
var (
	LatestMessagesForOrg = "SELECT author, body FROM " + tables.Messages + " WHERE org_id = $1 ORDER BY created_at DESC LIMIT 20"
	UsageSnapshotInsert  = "INSERT INTO " + tables.UsageSnapshots + " (org_id, units, taken_at) VALUES ($1, $2, now())"
)
