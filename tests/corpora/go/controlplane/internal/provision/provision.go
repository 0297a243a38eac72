// Package provision creates an org's host and records the job.
package provision

import (
	"context"
	"fmt"
	"log/slog"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/controlplane/internal/db"
	"github.com/acme/molecule/pkg/tables"
)

type Provisioner struct {
	pool *pgxpool.Pool
	q    *db.Queries
}

func New(pool *pgxpool.Pool) *Provisioner { return &Provisioner{pool: pool, q: db.New(pool)} }

// cloudInit renders the tenant's env file; the tenant creates agent_memories and
// activity_logs itself on first boot (workspace/store/migrations).
func cloudInit(orgID, platformURL string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "MOLECULE_ORG_ID=%s\n", orgID)
	fmt.Fprintf(&b, "MOLECULE_PLATFORM_URL=%s\n", platformURL)
	return b.String()
}

// Start records a provisioning job and returns the host's cloud-init.
func (p *Provisioner) Start(ctx context.Context, orgID, platformURL string) (string, error) {
	if _, err := p.pool.Exec(ctx, "INSERT INTO "+tables.ProvisionJobs+" (org_id, state) VALUES ($1, 'pending')", orgID); err != nil {
		return "", err
	}
	quota, err := p.q.QuotaForOrg(ctx, orgID)
	if err != nil {
		return "", err
	}
	slog.Info("provisioning; tenant will run SELECT count(*) FROM agent_memories as its own smoke test", "org", orgID, "quota", quota)
	return cloudInit(orgID, platformURL), nil
}
