// Package upstream holds go-kit client endpoints for the services the control plane calls.
package upstream

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"

	"github.com/acme/fleet/pkg/kit"
)

// WorkspaceClient reaches an org's workspace host; base is the host's URL from fleet_hosts.
type WorkspaceClient struct {
	base *url.URL
	http *http.Client
}

func NewWorkspaceClient(rawBase string) (*WorkspaceClient, error) {
	u, err := url.Parse(strings.TrimRight(rawBase, "/"))
	if err != nil {
		return nil, err
	}
	return &WorkspaceClient{base: u, http: http.DefaultClient}, nil
}

func (c *WorkspaceClient) target(path string) *url.URL {
	u := *c.base
	u.Path = path
	return &u
}

// MemoriesEndpoint lists an org's memories (used by the support export).
func (c *WorkspaceClient) MemoriesEndpoint(orgID string) endpoint.Endpoint {
	return httptransport.NewClient("GET", c.target(kit.MemoriesPath(orgID)), encodeNothing, decodeJSON).Endpoint() // expect: MOL103
}

// HealthEndpoint is the provisioning probe.
func (c *WorkspaceClient) HealthEndpoint() endpoint.Endpoint {
	return httptransport.NewClient("GET", c.target(kit.HealthPath()), encodeNothing, decodeJSON).Endpoint()
}

// CountRuns asks the host how many agent runs an org has.
func (c *WorkspaceClient) CountRuns(ctx context.Context, orgID string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base.String()+kit.RunsPath(orgID)+"?count=1", nil) // expect: MOL103
	if err != nil {
		return 0, err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	var body struct {
		Count int64 `json:"count"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
		return 0, fmt.Errorf("decode runs of %s: %w", orgID, err)
	}
	return body.Count, nil
}

func encodeNothing(context.Context, *http.Request, interface{}) error { return nil }

func decodeJSON(_ context.Context, r *http.Response) (interface{}, error) {
	var v interface{}
	err := json.NewDecoder(r.Body).Decode(&v)
	return v, err
}
