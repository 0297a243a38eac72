// Package platform reports usage to the control plane.
package platform

import (
	"context"
	"os"

	"github.com/go-resty/resty/v2"

	"github.com/lattice/hive/pkg/envkeys"
)

type Reporter struct {
	http  *resty.Client
	orgID string
}

func NewReporter() *Reporter {
	return &Reporter{
		http:  resty.New().SetBaseURL(os.Getenv(envkeys.PlatformURL)),
		orgID: os.Getenv(envkeys.OrgID),
	}
}

// NewLegacyReporter is still used by the billing sidecar.
func NewLegacyReporter() *Reporter {
	return &Reporter{
		http:  resty.New().SetBaseURL(os.Getenv(envkeys.ControlPlaneURL)), // expect: MOL301
		orgID: os.Getenv(envkeys.OrgID),
	}
}

func (r *Reporter) ReportMessages(ctx context.Context, n int64) error {
	_, err := r.http.R().SetContext(ctx).
		SetPathParam("org", r.orgID).
		SetBody(map[string]any{"messages": n}).
		Post("/orgs/{org}/invoices")
	return err
}
