// Package archive keeps a compliance copy of workspace conversations.
package archive

import (
	"context"
	_ "embed"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/tables"
)

//go:embed sql/recent_messages.sql
var recentMessagesSQL string

type message struct {
	Role string
	Body string
}

func recentMessages(ctx context.Context, cluster *pgxpool.Pool, workspaceID string) ([]message, error) {
	rows, err := cluster.Query(ctx, recentMessagesSQL, workspaceID) // expect: MOL101
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []message
	for rows.Next() {
		var m message
		if err := rows.Scan(&m.Role, &m.Body); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Copy stores a workspace's recent conversation in the platform's archive.
func Copy(ctx context.Context, cluster, platform *pgxpool.Pool, orgID, workspaceID string) error {
	msgs, err := recentMessages(ctx, cluster, workspaceID)
	if err != nil {
		return err
	}
	insert := "INSERT INTO " + tables.MessageArchive.String() + " (org_id, workspace_id, author, text) VALUES ($1, $2, $3, $4)"
	for _, m := range msgs {
		if _, err := platform.Exec(ctx, insert, orgID, workspaceID, m.Role, m.Body); err != nil { // expect: MOL203
			return err
		}
	}
	return nil
}
