// Package heartbeat reports the workspace server's liveness and usage to the platform.
package heartbeat

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"

	"github.com/orbitlabs/orbit/pkg/config"
	"github.com/orbitlabs/orbit/pkg/routes"
)

type Reporter struct {
	base  string
	orgID string
	hc    *http.Client
}

// NewFromEnv reads the platform location and the org from the environment.
func NewFromEnv() *Reporter {
	return &Reporter{
		base:  config.Getenv(config.EnvControlPlane, fallbackControlPlane), // expect: MOL301
		orgID: config.Getenv(config.EnvOrgID, ""),
		hc:    http.DefaultClient,
	}
}

// NewForPlatform is the reporter of a self-hosted platform: MOLECULE_PLATFORM_URL only.
func NewForPlatform() *Reporter {
	return &Reporter{
		base:  config.Getenv(config.EnvPlatformURL, ""),
		orgID: config.Getenv(config.EnvOrgID, ""),
		hc:    http.DefaultClient,
	}
}

func (r *Reporter) Push(ctx context.Context, metric string, quantity int64) error {
	u, err := url.JoinPath(r.base, routes.UsageReport)
	if err != nil {
		return err
	}
	body, _ := json.Marshal(map[string]any{"org_id": r.orgID, "metric": metric, "quantity": quantity})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := r.hc.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
