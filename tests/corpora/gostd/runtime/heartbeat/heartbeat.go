// Package heartbeat tells the control plane this runtime is alive.
package heartbeat

import (
	"bytes"
	"context"
	"net/http"

	"example.com/tally/runtime/config"
)

const controlHeartbeat = "https://control.tally.dev/v1/heartbeat" // expect: MOL301

func Beat(ctx context.Context, cfg *config.Config) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, cfg.PlatformURL+"/v1/heartbeat", bytes.NewReader(nil))
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

// BeatLegacy posts to the old endpoint still used by v1 runtimes.
func BeatLegacy(ctx context.Context) error {
	resp, err := http.Post(controlHeartbeat, "application/json", bytes.NewReader(nil))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
