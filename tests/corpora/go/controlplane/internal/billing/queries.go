package billing

import "github.com/acme/molecule/pkg/tables"

const insertSnapshot = `INSERT INTO usage_snapshots (org_id, seats, storage_mb)
VALUES (:org_id, :seats, :storage_mb)`

const snapshotsSince = `SELECT org_id, seats, storage_mb FROM usage_snapshots WHERE taken_at > $1`

// memoryUsage feeds the "storage by org" invoice line.
const memoryUsage = "SELECT org_id, count(*) AS n FROM " + tables.Memories + " GROUP BY org_id"
