// Package tenantapi talks to a runtime over HTTP.
package tenantapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"example.com/tally/pkg/routes"
)

type Client struct {
	base string
	hc   *http.Client
}

func New(host string, port int) *Client {
	return &Client{base: fmt.Sprintf("http://%s:%d", host, port), hc: http.DefaultClient}
}

// Healthy is the liveness probe provisioning waits on.
func (c *Client) Healthy(ctx context.Context) bool {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+routes.Health, nil)
	if err != nil {
		return false
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

func (c *Client) Version(ctx context.Context) (string, error) {
	resp, err := c.hc.Get(c.base + routes.Version)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	var v struct{ Version string }
	return v.Version, json.NewDecoder(resp.Body).Decode(&v)
}

func (c *Client) Memories(ctx context.Context, org string) ([]json.RawMessage, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.base+"/orgs/"+org+"/memories", nil) // expect: MOL103
	if err != nil {
		return nil, err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	var out []json.RawMessage
	return out, json.NewDecoder(resp.Body).Decode(&out)
}

func (c *Client) Activity(ctx context.Context, org string) (*http.Response, error) {
	path := strings.ReplaceAll(routes.Activity, "{org}", org)
	return c.hc.Get(c.base + path) // expect: MOL103
}

func (c *Client) Schedules(ctx context.Context, org string) (*http.Response, error) {
	return c.hc.Get(fmt.Sprintf(c.base+routes.Schedules, org)) // expect: MOL103
}
