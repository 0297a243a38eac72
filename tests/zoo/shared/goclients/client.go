// Package goclients: a client struct holding its base URL, whose methods build the paths.
package goclients

import (
	"net/url"
	"strings"
)

const TenantAPIURL = "http://tenant-api:8080"

type TenantClient struct {
	BaseURL string
}

func (c *TenantClient) MemoriesURL(ws string) string {
	return strings.TrimSuffix(c.BaseURL, "/") + "/workspaces/" + ws + "/memories"
}

func (c *TenantClient) HealthURL() string {
	u, _ := url.JoinPath(c.BaseURL, "healthz")
	return u
}
