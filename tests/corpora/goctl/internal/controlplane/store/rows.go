package store

import "database/sql"

type orgCountRow struct {
	OrgID string
	N     int64
}

func (r *orgCountRow) ScanFrom(rows *sql.Rows) error {
	return rows.Scan(&r.OrgID, &r.N)
}
