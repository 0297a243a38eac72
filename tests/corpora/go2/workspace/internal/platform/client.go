// Package platform talks to the control plane: usage reports and heartbeats.
package platform

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"

	"github.com/lumenhq/fleet/pkg/httpx"
	"github.com/lumenhq/fleet/workspace/internal/config"
)

const fallbackControlPlane = "http://controlplane.internal:9000" // expect: MOL301

// baseURL prefers the configured platform, and falls back to the in-cluster one for local runs.
func baseURL() string {
	if u := os.Getenv("MOLECULE_PLATFORM_URL"); u != "" {
		return u
	}
	return fallbackControlPlane
}

type Reporter struct {
	cfg config.Config
	hc  *http.Client
}

func NewReporter(cfg config.Config) *Reporter {
	return &Reporter{cfg: cfg, hc: http.DefaultClient}
}

// Heartbeat tells the platform this host is alive.
func (r *Reporter) Heartbeat(ctx context.Context) error {
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, baseURL()+"/v1/heartbeat", nil)
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// ReportUsage posts the org's metered usage.
func (r *Reporter) ReportUsage(ctx context.Context, units int64) error {
	body, _ := json.Marshal(map[string]any{"org_id": r.cfg.OrgID, "units": units})
	resp, err := r.hc.Post(r.cfg.Usage.ReportURL+"/v1/usage", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// Plan asks the platform for the org's plan, through the configured MOLECULE_PLATFORM_URL.
func (r *Reporter) Plan(ctx context.Context) (string, error) {
	c := httpx.New(httpx.WithBaseURL(r.cfg.PlatformURL), httpx.WithHTTPClient(r.hc))
	var out struct{ Plan string }
	err := c.GetJSON(ctx, "/v1/orgs/"+r.cfg.OrgID+"/plan", &out)
	return out.Plan, err
}
