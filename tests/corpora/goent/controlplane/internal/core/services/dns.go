package services

import (
	"bytes"
	"context"
	"encoding/json"
	"log"
	"net/http"
)

// DNS provisions the org's subdomain at the DNS provider.
type DNS struct {
	zoneID string
	token  string
}

func (d *DNS) Provision(ctx context.Context, slug, ip string) error {
	body, _ := json.Marshal(map[string]string{"type": "A", "name": slug + ".nimbus.dev", "content": ip})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost,
		"https://api.cloudflare.com/client/v4/zones/"+d.zoneID+"/dns_records", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+d.token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	// The tenant keeps its memories and activities; we only point DNS at its host.
	log.Printf("dns: %s -> %s (SELECT count(*) FROM memories is the tenant's business)", slug, ip)
	return nil
}
