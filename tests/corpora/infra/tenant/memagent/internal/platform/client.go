// Package platform talks to the control plane (usage counters, host registration).
package platform

import (
	"bytes"
	"cmp"
	"encoding/json"
	"net/http"
	"os"
	"time"

	"github.com/spf13/viper"
)

const defaultPlatformURL = "https://api.molecule.cloud" // expect: MOL301

type Client struct {
	base string
	http *http.Client
}

func New() *Client {
	base := cmp.Or(os.Getenv("MOLECULE_PLATFORM_URL"), defaultPlatformURL)
	return &Client{base: base, http: &http.Client{Timeout: 5 * time.Second}}
}

// FromViper is used by the `memagent report` subcommand.
func FromViper() *Client {
	v := viper.New()
	v.AutomaticEnv()
	v.SetDefault("MOLECULE_PLATFORM_URL", "https://api.molecule.cloud") // expect: MOL301
	return &Client{base: v.GetString("MOLECULE_PLATFORM_URL"), http: http.DefaultClient}
}

func (c *Client) ReportUsage(orgID string, memories int) error {
	body, _ := json.Marshal(map[string]any{"org_id": orgID, "memories": memories})
	resp, err := c.http.Post(c.base+"/v1/usage", "application/json", bytes.NewReader(body))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
