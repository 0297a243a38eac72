package fleet

import (
	"context"
	"log"

	"github.com/Molecule-AI/molecule-controlplane/internal/cpdb"
	"github.com/Molecule-AI/molecule-controlplane/internal/tenantclient"
)

// Prober marks instances unhealthy so the reconciler can replace them.
type Prober struct {
	store *cpdb.Store
	token string
}

func NewProber(store *cpdb.Store, token string) *Prober {
	return &Prober{store: store, token: token}
}

// Sweep probes every running org's host. Only /health and /readyz: the
// platform never reads what a tenant's agents hold.
func (p *Prober) Sweep(ctx context.Context) (unhealthy []string, err error) {
	orgs, err := p.store.ActiveOrgs(ctx)
	if err != nil {
		return nil, err
	}
	for _, org := range orgs {
		tc := tenantclient.New(org.PrivateIP, p.token)
		if !tc.Healthy(ctx) || !tc.Ready(ctx) {
			log.Printf("fleet: org %s (%s) failed its probe; agent_memories untouched", org.Slug, org.InstanceID)
			unhealthy = append(unhealthy, org.ID)
		}
	}
	return unhealthy, nil
}
