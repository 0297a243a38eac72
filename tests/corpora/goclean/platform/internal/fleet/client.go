// Package fleet talks to the org hosts.
package fleet

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/acme/lattice/platform/internal/config"
)

// RuntimeClient calls an org host's runtime API.
type RuntimeClient struct {
	http        *http.Client
	urlTemplate string
}

func NewRuntimeClient(cfg config.Config) *RuntimeClient {
	return &RuntimeClient{http: &http.Client{Timeout: 5 * time.Second}, urlTemplate: cfg.Runtime.URLTemplate}
}

func (c *RuntimeClient) base(slug string) string { return fmt.Sprintf(c.urlTemplate, slug) }

func memoriesPath(workspaceID string) string {
	return "/api/v1/workspaces/" + workspaceID + "/memories"
}

// Healthy is the provisioning liveness probe.
func (c *RuntimeClient) Healthy(ctx context.Context, slug string) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base(slug)+"/healthz", nil)
	if err != nil {
		return false
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// Version reports the runtime build an org runs, for the upgrade planner.
func (c *RuntimeClient) Version(slug string) (*http.Response, error) {
	return c.http.Get(c.base(slug) + "/version")
}

// ExportMemories pulls a workspace's memories for the "download my data" support flow.
func (c *RuntimeClient) ExportMemories(slug, workspaceID string) (*http.Response, error) {
	return c.http.Get(c.base(slug) + memoriesPath(workspaceID)) // expect: MOL103
}

// Activity pulls a workspace's activity feed.
func (c *RuntimeClient) Activity(slug, workspaceID string) (*http.Response, error) {
	u := c.base(slug) + fmt.Sprintf("/api/v1/workspaces/%s/activity", workspaceID)
	return c.http.Get(u) // expect: MOL103
}
