// Package workspaceapi implements ports.ActivityFeed on the workspace's generated API client.
package workspaceapi

import (
	"context"
	"net/http"

	"github.com/nimbus/fleet/controlplane/internal/config"
	wsclient "github.com/nimbus/fleet/workspace/client" // expect: MOL104
)

type Feed struct {
	api *wsclient.ClientWithResponses
}

func NewFeed(cfg config.Config) (*Feed, error) {
	api, err := wsclient.NewClientWithResponses(cfg.Fleet.ServerURL)
	if err != nil {
		return nil, err
	}
	return &Feed{api: api}, nil
}

func (f *Feed) ActivityCount(ctx context.Context, workspaceID string) (int, error) {
	resp, err := f.api.ListActivityWithResponse(ctx, workspaceID) // expect: MOL103
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	return int(resp.ContentLength), nil
}

func (f *Feed) Healthy(ctx context.Context) bool {
	resp, err := f.api.GetHealthzWithResponse(ctx)
	if err != nil {
		return false
	}
	defer resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}
