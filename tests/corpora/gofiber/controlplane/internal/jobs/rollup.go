// Package jobs holds the control plane's asynq task handlers.
package jobs

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"log"

	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/lattice/hive/pkg/dbgen/wsmodels"
	"github.com/lattice/hive/pkg/repo"
	"github.com/lattice/hive/pkg/tasks"
)

type invoice struct{}
type secret struct{}

type RollupHandler struct {
	cp        *sql.DB
	schedules *repo.Repo[wsmodels.AgentSchedule]
	secrets   *repo.Repo[secret]
	invoices  *repo.Repo[invoice]
}

func NewRollupHandler(cp *sql.DB, ws *pgxpool.Pool) *RollupHandler {
	wsdb := stdlib.OpenDBFromPool(ws)
	return &RollupHandler{
		cp:        cp,
		schedules: repo.NewRepo[wsmodels.AgentSchedule](wsdb, wsmodels.TableNames.AgentSchedules),
		secrets:   repo.NewRepo[secret](wsdb, "workspace_secrets"),
		invoices:  repo.NewRepo[invoice](cp, "usage_invoices"),
	}
}

// ProcessTask totals the scheduled agents of the orgs in the payload for the usage report.
func (h *RollupHandler) ProcessTask(ctx context.Context, t *asynq.Task) error {
	var p tasks.UsageRollupPayload
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return fmt.Errorf("json.Unmarshal failed: %v: %w", err, asynq.SkipRetry)
	}
	var scheduled int64
	for _, org := range p.OrgIDs { // expect: MOL202
		n, err := h.schedules.CountByOrg(ctx, org) // expect: MOL101
		if err != nil {
			return err
		}
		scheduled += n
	}
	secretsPerOrg, err := h.secrets.CountPerOrg(ctx) // expect: MOL101, MOL201
	if err != nil {
		return err
	}
	invoicesPerOrg, err := h.invoices.CountPerOrg(ctx)
	if err != nil {
		return err
	}
	log.Printf("rollup %s: %d schedules, %d orgs with secrets, %d invoiced", p.Period, scheduled, len(secretsPerOrg), len(invoicesPerOrg))
	return nil
}
