// Package platformclient is the tenant-side client of the control plane API.
package platformclient

import (
	"context"
	"net/http"
	"strings"
)

// DefaultBaseURL is the hosted control plane.
const DefaultBaseURL = "https://api.nimbus.dev"

type Client struct {
	base string
	http *http.Client
}

func New(base string) *Client {
	return &Client{base: strings.TrimRight(base, "/"), http: http.DefaultClient}
}

func (c *Client) PostHeartbeat(ctx context.Context, orgID string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/v1/orgs/"+orgID+"/heartbeat", nil)
	if err != nil {
		return err
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
