package platform

import (
	"context"
	"os"

	"github.com/nimbus/fleet/pkg/platformclient"
)

// Heartbeat reports liveness to the control plane, which this tenant finds through MOLECULE_PLATFORM_URL.
type Heartbeat struct {
	api *platformclient.Client
}

func NewHeartbeat() *Heartbeat {
	return &Heartbeat{api: platformclient.New(os.Getenv("MOLECULE_PLATFORM_URL"))}
}

// NewFallbackHeartbeat is used by the self-hosted installer before the env is written.
func NewFallbackHeartbeat() *Heartbeat {
	return &Heartbeat{api: platformclient.New(platformclient.DefaultBaseURL)} // expect: MOL301
}

func (h *Heartbeat) Beat(ctx context.Context, orgID string) error {
	return h.api.PostHeartbeat(ctx, orgID)
}
