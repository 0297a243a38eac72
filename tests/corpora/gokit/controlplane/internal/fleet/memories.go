package fleet

import (
	"context"
	"database/sql"

	"github.com/acme/fleet/pkg/reporting" // expect: MOL104
)

// MemoryLeaderboard ranks orgs by stored memories, reading each org's stats from the replica.
func MemoryLeaderboard(ctx context.Context, replica *sql.DB, orgIDs []string) (map[string]int, error) {
	board := make(map[string]int, len(orgIDs))
	for _, org := range orgIDs { // expect: MOL202
		stats, err := reporting.CollectMemoryStats(ctx, replica, org) // expect: MOL101
		if err != nil {
			return nil, err
		}
		board[org] = stats.Memories
	}
	return board, nil
}
