// Package platform talks to the control plane: heartbeat and usage reports.
package platform

import (
	"context"
	"net/url"
	"os"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"

	"github.com/acme/fleet/pkg/kit"
	"github.com/acme/fleet/workspace/internal/conf"
)

type Client struct {
	heartbeat endpoint.Endpoint
	orgID     string
}

// baseURL picks where the control plane is.
func baseURL(c *conf.Cp) string {
	if v := os.Getenv(envOverride); v != "" {
		return v
	}
	if c != nil && c.Endpoint != "" {
		return c.Endpoint
	}
	return defaultEndpoint
}

// platformURL is the contract: the runtime learns the platform only from MOLECULE_PLATFORM_URL.
func platformURL() string {
	return os.Getenv(kit.EnvPlatformURL)
}

func NewClient(c *conf.Cp) (*Client, error) {
	base := platformURL()
	if base == "" {
		base = baseURL(c)
	}
	tgt, err := url.Parse(base + "/v1/heartbeat")
	if err != nil {
		return nil, err
	}
	hb := httptransport.NewClient("POST", tgt, httptransport.EncodeJSONRequest, decodeHeartbeat).Endpoint()
	return &Client{heartbeat: hb, orgID: os.Getenv(kit.EnvOrgID)}, nil
}

func (c *Client) Beat(ctx context.Context) error {
	_, err := c.heartbeat(ctx, map[string]string{"org_id": c.orgID})
	return err
}
