package data

import (
	"context"
	"encoding/json"
	"fmt"
	"os"

	"github.com/acme/fleet/pkg/kit"
	"github.com/acme/fleet/pkg/storage"
	"github.com/acme/fleet/workspace/internal/biz"
)

type memoryRepo struct {
	data  *Data
	orgID string
}

// NewMemoryRepo binds the repo to the org this host serves.
func NewMemoryRepo(d *Data) biz.MemoryRepo {
	return &memoryRepo{data: d, orgID: os.Getenv(kit.EnvOrgID)}
}

func (r *memoryRepo) ListByAgent(ctx context.Context, agentID string) ([]biz.Memory, error) {
	q := fmt.Sprintf("SELECT id, agent_id, content, created_at FROM %s WHERE org_id = $1 AND agent_id = $2", storage.MemoriesTable)
	rows, err := r.data.db.QueryContext(ctx, q, r.orgID, agentID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []biz.Memory
	for rows.Next() {
		var m biz.Memory
		if err := rows.Scan(&m.ID, &m.AgentID, &m.Content, &m.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	if payload, err := json.Marshal(out); err == nil {
		_ = r.cacheMemories(ctx, agentID, payload)
	}
	return out, rows.Err()
}

// CountByAgent aggregates this org's own memories: the tenant summing its own data.
func (r *memoryRepo) CountByAgent(ctx context.Context) (map[string]int, error) {
	q := "SELECT agent_id, count(*) FROM " + storage.MemoriesTable + " WHERE org_id = $1 GROUP BY agent_id"
	rows, err := r.data.db.QueryContext(ctx, q, r.orgID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var agent string
		var n int
		if err := rows.Scan(&agent, &n); err != nil {
			return nil, err
		}
		out[agent] = n
	}
	return out, rows.Err()
}

// CountForOrg serves the org named by the request (legacy multi-org endpoint).
func (r *memoryRepo) CountForOrg(ctx context.Context, orgID string) (int, error) {
	db, err := r.data.shardFor(orgID)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.QueryRowContext(ctx, "SELECT count(*) FROM "+storage.MemoriesTable).Scan(&n)
	return n, err
}

// cacheMemories warms the per-agent cache; the key's org comes from the request context.
func (r *memoryRepo) cacheMemories(ctx context.Context, agentID string, payload []byte) error {
	return r.data.rdb.Set(ctx, kit.MemoryCacheKey(kit.OrgID(ctx), agentID), payload, 0).Err()
}
