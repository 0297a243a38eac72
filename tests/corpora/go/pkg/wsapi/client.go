// Package wsapi is the HTTP client of a workspace server's API.
package wsapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"time"
)

// Client talks to one workspace server.
type Client struct {
	baseURL string
	http    *http.Client
}

// New returns a client for the workspace server at baseURL.
func New(baseURL string) *Client {
	return &Client{baseURL: baseURL, http: &http.Client{Timeout: 10 * time.Second}}
}

type Memory struct {
	ID      string `json:"id"`
	Content string `json:"content"`
}

func (c *Client) get(ctx context.Context, path string, out any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, c.baseURL+path, nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", path, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// Memories lists a workspace's memories.
func (c *Client) Memories(ctx context.Context, workspaceID string) ([]Memory, error) {
	var out []Memory
	err := c.get(ctx, "/workspaces/"+url.PathEscape(workspaceID)+"/memories", &out)
	return out, err
}

// Healthz is the liveness probe.
func (c *Client) Healthz(ctx context.Context) error {
	return c.get(ctx, "/healthz", nil)
}

// Version reports the server's build.
func (c *Client) Version(ctx context.Context) (string, error) {
	var v struct {
		Version string `json:"version"`
	}
	err := c.get(ctx, "/version", &v)
	return v.Version, err
}
