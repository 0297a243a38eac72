package provisioner

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"time"

	"github.com/Molecule-AI/molecule-pkg/envx"
)

// CPClient talks to the control plane's provisioning API (/cp/workspaces/*).
type CPClient struct {
	baseURL    string
	orgID      string
	httpClient *http.Client
}

// NewCPClient is auto-activated on SaaS tenants (MOLECULE_ORG_ID set).
func NewCPClient() (*CPClient, error) {
	orgID := os.Getenv("MOLECULE_ORG_ID")
	if orgID == "" {
		return nil, fmt.Errorf("MOLECULE_ORG_ID required for control plane provisioner")
	}
	baseURL := envx.String(envPlatformURL, "")
	if baseURL == "" {
		// Older AMIs only wrote the legacy name.
		baseURL = envx.String(legacyCPEnv, defaultCPURL) // expect: MOL301
	}
	return &CPClient{baseURL: baseURL, orgID: orgID, httpClient: &http.Client{Timeout: 30 * time.Second}}, nil
}

// Stop asks the control plane to stop a workspace's container.
func (c *CPClient) Stop(ctx context.Context, workspaceID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/cp/workspaces/"+workspaceID+"/stop", nil)
	if err != nil {
		return err
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
