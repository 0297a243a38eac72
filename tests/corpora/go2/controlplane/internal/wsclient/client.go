// Package wsclient calls the workspace servers' admin API.
package wsclient

import (
	"context"
	"fmt"
	"net/http"
	"path"

	"github.com/lumenhq/fleet/controlplane/internal/config"
	"github.com/lumenhq/fleet/pkg/httpx"
)

const (
	healthPath       = "/healthz"
	workspacesPrefix = "/api/v1/workspaces"
	memoriesPathFmt  = workspacesPrefix + "/%s/memories"
)

type Memory struct {
	ID      int64  `json:"id"`
	Content string `json:"content"`
}

type Client struct {
	http *httpx.Client
}

func New(cfg config.WorkspaceConfig, hc *http.Client) *Client {
	return &Client{http: httpx.New(
		httpx.WithBaseURL(cfg.APIURL),
		httpx.WithHTTPClient(hc),
		httpx.WithToken(cfg.AdminToken),
	)}
}

// Healthy is the provisioning probe.
func (c *Client) Healthy(ctx context.Context) error {
	return c.http.GetJSON(ctx, healthPath, nil)
}

func (c *Client) Memories(ctx context.Context, workspaceID string) ([]Memory, error) {
	var out []Memory
	err := c.http.GetJSON(ctx, fmt.Sprintf(memoriesPathFmt, workspaceID), &out) // expect: MOL103
	return out, err
}

func (c *Client) RecentRuns(ctx context.Context, workspaceID string) ([]map[string]any, error) {
	var out []map[string]any
	err := c.http.GetJSON(ctx, path.Join(workspacesPrefix, workspaceID, "runs"), &out) // expect: MOL103
	return out, err
}
