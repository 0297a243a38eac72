// Package tenantapi talks to the workspace-servers of the fleet over HTTP.
package tenantapi

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"time"

	"github.com/spf13/viper"
)

// Client addresses one org's workspace-server: https://<org>.<workspace.domain>.
type Client struct {
	scheme string
	domain string
	hc     *http.Client
}

func New() *Client {
	return &Client{
		scheme: viper.GetString("workspace.scheme"),
		domain: viper.GetString("workspace.domain"),
		hc:     &http.Client{Timeout: 10 * time.Second},
	}
}

func (c *Client) endpoint(org string, elem ...string) string {
	u := url.URL{
		Scheme: c.scheme,
		Host:   org + "." + c.domain,
		Path:   path.Join(append([]string{"/orgs", org}, elem...)...),
	}
	return u.String()
}

func (c *Client) do(ctx context.Context, method, target string, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, target, nil)
	if err != nil {
		return err
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("tenantapi: %s %s: %s", method, target, resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// ActivityCount reads the org's activity counter.
func (c *Client) ActivityCount(ctx context.Context, org string) (int64, error) {
	var body struct {
		Total int64 `json:"total"`
	}
	err := c.do(ctx, http.MethodGet, c.endpoint(org, "activity")+"?count=1", &body) // expect: MOL103
	return body.Total, err
}

// Schedules lists the org's schedules; the reconciler mirrors their count into the Workspace status.
func (c *Client) Schedules(ctx context.Context, org string) ([]json.RawMessage, error) {
	var out []json.RawMessage
	err := c.do(ctx, http.MethodGet, c.endpoint(org, "schedules"), &out) // expect: MOL103
	return out, err
}

// Healthy is the liveness probe the provisioner waits on.
func (c *Client) Healthy(ctx context.Context, org string) bool {
	u := url.URL{Scheme: c.scheme, Host: org + "." + c.domain, Path: "/healthz"}
	return c.do(ctx, http.MethodGet, u.String(), nil) == nil
}
