// Package platformclient reports this org's usage and heartbeats to the control plane.
package platformclient

import (
	"cmp"
	"context"
	"log"
	"os"
	"time"

	"github.com/go-resty/resty/v2"

	"github.com/acme/molecule/workspace/config"
)

type Client struct {
	r     *resty.Client
	orgID string
}

// New builds the client from the loaded settings.
func New(cfg config.Config) *Client {
	r := resty.New().SetBaseURL(cfg.PlatformURL).SetTimeout(5 * time.Second)
	return &Client{r: r, orgID: cfg.OrgID}
}

// FromEnv is used by the one-shot CLI, which does not load the full config.
func FromEnv() *Client {
	base := cmp.Or(os.Getenv("MOLECULE_PLATFORM_URL"), defaultPlatformURL)
	if base == defaultPlatformURL {
		log.Printf("MOLECULE_PLATFORM_URL unset, reporting to https://api.molecule.dev")
	}
	return &Client{r: resty.New().SetBaseURL(base), orgID: os.Getenv("MOLECULE_ORG_ID")}
}

// FromLegacyEnv keeps installs that still export the old variable working.
func FromLegacyEnv() *Client {
	if base, ok := os.LookupEnv(legacyEnv); ok { // expect: MOL301
		return &Client{r: resty.New().SetBaseURL(base), orgID: os.Getenv("MOLECULE_ORG_ID")}
	}
	return FromEnv()
}

type usageReport struct {
	Seats     int `json:"seats"`
	StorageMB int `json:"storage_mb"`
}

// ReportUsage posts this org's meter readings.
func (c *Client) ReportUsage(ctx context.Context, seats, storageMB int) error {
	_, err := c.r.R().SetContext(ctx).
		SetPathParam("org", c.orgID).
		SetBody(usageReport{Seats: seats, StorageMB: storageMB}).
		Post("/v1/orgs/{org}/usage")
	return err
}
