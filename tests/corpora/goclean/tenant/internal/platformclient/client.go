// Package platformclient pushes usage to the control plane.
package platformclient

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"

	"github.com/acme/lattice/tenant/internal/config"
)

const fallbackPlatform = "http://controlplane:8080" // expect: MOL301

type Client struct {
	http    *http.Client
	baseURL string
}

// New uses the identity's platform URL; MOLECULE_PLATFORM_URL is the only source.
func New(id config.Identity) *Client {
	return &Client{http: http.DefaultClient, baseURL: id.PlatformURL}
}

func (c *Client) PushUsage(ctx context.Context, orgID string, units int) error {
	body, _ := json.Marshal(map[string]any{"org_id": orgID, "units": units})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.baseURL+"/v1/usage", bytes.NewReader(body))
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func platformBase() string {
	if v := os.Getenv("MOLECULE_PLATFORM_URL"); v != "" {
		return v
	}
	return fallbackPlatform
}

// Heartbeat tells the control plane the host is alive.
func Heartbeat() error {
	resp, err := http.Post(platformBase()+"/v1/heartbeat", "application/json", nil)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// PushInvoiceLines sends usage to the billing API set for the region.
func PushInvoiceLines(cfg config.Config, body []byte) error {
	resp, err := http.Post(cfg.PlatformAPIURL+"/v1/invoice-lines", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
