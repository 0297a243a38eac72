package fleet

import (
	"context"
	"fmt"

	"github.com/go-resty/resty/v2"

	"github.com/lattice/hive/controlplane/internal/config"
	"github.com/lattice/hive/pkg/routes"
)

// Exporter pulls an org's data for the GDPR export the support team runs on request.
type Exporter struct {
	http *resty.Client
}

func NewExporter(cfg *config.Config) *Exporter {
	return &Exporter{http: resty.New().SetBaseURL(cfg.Fleet.WorkspaceURL).SetHeader("Accept", "application/json")}
}

func (e *Exporter) Messages(ctx context.Context, org string) ([]byte, error) {
	resp, err := e.http.R().SetContext(ctx).SetPathParam("org", org).Get(routes.OrgMessages) // expect: MOL103
	if err != nil {
		return nil, err
	}
	return resp.Body(), nil
}

func (e *Exporter) Memories(ctx context.Context, org string) ([]byte, error) {
	resp, err := e.http.R().SetContext(ctx).Get(memoriesPath(org)) // expect: MOL103
	if err != nil {
		return nil, fmt.Errorf("export memories of %s: %w", org, err)
	}
	return resp.Body(), nil
}

// Quota asks the workspace for its usage against the plan: billing data, not functional state.
func (e *Exporter) Quota(ctx context.Context, org string) ([]byte, error) {
	resp, err := e.http.R().SetContext(ctx).Get(quotaPath(org))
	if err != nil {
		return nil, err
	}
	return resp.Body(), nil
}
