// Package gosync copies tenant rows into platform tables, and has look-alikes that copy none.
package gosync

import "database/sql"

type Memory struct{ Key, Content string }

func CopyRows(db, tdb *sql.DB, workspaceID string) error {
	rows, err := tdb.Query("SELECT key, content FROM agent_memories WHERE workspace_id = $1", workspaceID) // expect: MOL101
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var key, content string
		if err := rows.Scan(&key, &content); err != nil {
			return err
		}
		db.Exec("INSERT INTO usage_rollups (ws, body) VALUES ($1, $2)", workspaceID, content) // expect: MOL203
	}
	return nil
}

func memoriesOf(tdb *sql.DB, workspaceID string) []Memory {
	rows, _ := tdb.Query("SELECT key, content FROM agent_memories WHERE workspace_id = $1", workspaceID) // expect: MOL101
	var out []Memory
	for rows.Next() {
		var m Memory
		rows.Scan(&m.Key, &m.Content)
		out = append(out, m)
	}
	return out
}

func CopyThroughHelper(db, tdb *sql.DB, workspaceID string) {
	for _, m := range memoriesOf(tdb, workspaceID) {
		db.Exec("INSERT INTO memory_digests (ws, text) VALUES ($1, $2)", workspaceID, m.Content) // expect: MOL203
	}
}

func CopyInOneStatement(db *sql.DB) {
	db.Exec("INSERT INTO memory_digests (ws, text) SELECT workspace_id, content FROM agent_memories WHERE workspace_id = 'w'") // expect: MOL101, MOL203
}

// --- look-alikes ---

func QuotasFromOrgs(db *sql.DB) {
	rows, _ := db.Query("SELECT id, plan FROM orgs")
	for rows.Next() {
		var id, plan string
		rows.Scan(&id, &plan)
		db.Exec("INSERT INTO memory_quotas (org_id, plan) VALUES ($1, $2)", id, plan)
	}
}

func Counted(db, tdb *sql.DB, workspaceID string) {
	var n int
	tdb.QueryRow("SELECT count(*) FROM agent_memories WHERE workspace_id = $1", workspaceID).Scan(&n) // expect: MOL101
	db.Exec("INSERT INTO usage_rollups (ws, n) VALUES ($1, $2)", workspaceID, n)
}
