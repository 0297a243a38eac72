// Package tenantclient is the control plane's HTTP client for a tenant
// host's workspace-server, addressed by the instance's private IP.
package tenantclient

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"time"
)

type Client struct {
	baseURL    string
	adminToken string
	http       *http.Client
}

// BaseURL is where an org's workspace-server listens inside the VPC.
func BaseURL(privateIP string) string {
	return fmt.Sprintf("http://%s:8080", privateIP)
}

func New(privateIP, adminToken string) *Client {
	return &Client{baseURL: BaseURL(privateIP), adminToken: adminToken, http: &http.Client{Timeout: 10 * time.Second}}
}

func (c *Client) get(ctx context.Context, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
	if err != nil {
		return nil, err
	}
	req.Header.Set("X-Molecule-Admin-Token", c.adminToken)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("tenant %s: %s", path, resp.Status)
	}
	return io.ReadAll(resp.Body)
}

// Healthy is the fleet prober's liveness check.
func (c *Client) Healthy(ctx context.Context) bool {
	_, err := c.get(ctx, healthPath)
	return err == nil
}

// Ready reports whether migrations have finished on the host.
func (c *Client) Ready(ctx context.Context) bool {
	_, err := c.get(ctx, readyPath)
	return err == nil
}

// Memories fetches a workspace's memories for the support console.
func (c *Client) Memories(ctx context.Context, workspaceID string) ([]byte, error) {
	return c.get(ctx, memoriesPath(workspaceID)) // expect: MOL103
}

// Fetch is the raw GET the admin tools build on.
func (c *Client) Fetch(ctx context.Context, path string) ([]byte, error) {
	return c.get(ctx, path)
}
