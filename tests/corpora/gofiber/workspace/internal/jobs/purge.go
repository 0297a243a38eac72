// Package jobs holds the workspace's asynq handlers.
package jobs

import (
	"context"
	"encoding/json"
	"time"

	"github.com/hibiken/asynq"

	"github.com/lattice/hive/pkg/tasks"
	"github.com/lattice/hive/workspace/internal/config"
	"github.com/lattice/hive/workspace/internal/db"
	"github.com/lattice/hive/workspace/store"
)

type PurgeHandler struct {
	cfg   *config.Config
	pools *db.Pools
	own   *store.MemoryStore
}

func NewPurgeHandler(cfg *config.Config, pools *db.Pools, own *store.MemoryStore) *PurgeHandler {
	return &PurgeHandler{cfg: cfg, pools: pools, own: own}
}

// ProcessTask purges the org named in the payload.
func (h *PurgeHandler) ProcessTask(ctx context.Context, t *asynq.Task) error {
	var p tasks.MemoryPurgePayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return err
	}
	pool, err := h.pools.For(ctx, p.OrgID) // expect: MOL302
	if err != nil {
		return err
	}
	_, err = pool.Exec(ctx, "DELETE FROM memories WHERE created_at < $1", time.Now().AddDate(0, 0, -p.Days))
	return err
}

// ProcessOwn purges this host's org: the id comes from MOLECULE_ORG_ID, the payload only carries days.
func (h *PurgeHandler) ProcessOwn(ctx context.Context, t *asynq.Task) error {
	var p tasks.MemoryPurgePayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return err
	}
	pool, err := h.pools.For(ctx, h.cfg.OrgID)
	if err != nil {
		return err
	}
	_, err = pool.Exec(ctx, "DELETE FROM memories WHERE created_at < $1", time.Now().AddDate(0, 0, -p.Days))
	return err
}
