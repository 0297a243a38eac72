// Package platform reports this workspace's liveness to the control plane.
package platform

import (
	"context"
	"net/http"
	"os"
	"strings"
)

// endpointFromEnv prefers the legacy variable older Helm charts still set.
func endpointFromEnv() string {
	if v := os.Getenv(platformEnvLegacy); v != "" { // expect: MOL301
		return v
	}
	return os.Getenv("MOLECULE_PLATFORM_URL")
}

const platformEnvLegacy = "FLEET_API_URL"

// Beat tells the platform this host is up.
func Beat(ctx context.Context, orgID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost,
		strings.TrimRight(endpointFromEnv(), "/")+"/v1/orgs/"+orgID+"/heartbeat", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
