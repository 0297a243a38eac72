// Package wsclient is the Go client of the workspace server API.
package wsclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/orbitlabs/orbit/pkg/routes"
)

type Client struct {
	baseURL string
	hc      *http.Client
}

type Option func(*Client)

// WithBaseURL points the client at another workspace server.
func WithBaseURL(u string) Option { return func(c *Client) { c.baseURL = u } }

// WithTimeout bounds every request.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.hc.Timeout = d } }

func New(opts ...Option) *Client {
	c := &Client{baseURL: "http://workspace:8080", hc: &http.Client{Timeout: 10 * time.Second}}
	for _, opt := range opts {
		opt(c)
	}
	return c
}

func (c *Client) getJSON(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

type Memory struct {
	Key     string `json:"key"`
	Content string `json:"content"`
}

// Memories lists a workspace's memories.
func (c *Client) Memories(ctx context.Context, workspaceID string) ([]Memory, error) {
	var out []Memory
	err := c.getJSON(ctx, fmt.Sprintf(routes.WorkspaceMemories, workspaceID), &out)
	return out, err
}

// Healthy reports whether the workspace server answers its liveness probe.
func (c *Client) Healthy(ctx context.Context) bool {
	var body map[string]string
	return c.getJSON(ctx, routes.Healthz, &body) == nil
}
