package billing

import "database/sql"

func scanTotals(rows *sql.Rows) (map[string]int64, error) {
	out := map[string]int64{}
	for rows.Next() {
		var org string
		var n int64
		if err := rows.Scan(&org, &n); err != nil {
			return nil, err
		}
		out[org] = n
	}
	return out, rows.Err()
}
