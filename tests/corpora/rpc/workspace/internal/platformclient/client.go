// Package platformclient reports this tenant's heartbeat to the control plane.
package platformclient

import (
	"context"
	"net/http"
	"os"

	quotav1 "github.com/acme/molecule/gen/go/quota/v1"
	"github.com/acme/molecule/pkg/dialer"
)

// QuotaClient asks the control plane for this org's plan limits.
func QuotaClient() (quotav1.MemoryQuotaServiceClient, error) {
	conn, err := dialer.Dial(os.Getenv("CONTROLPLANE_GRPC_ADDR")) // expect: MOL301
	if err != nil {
		return nil, err
	}
	return quotav1.NewMemoryQuotaServiceClient(conn), nil
}

// Heartbeat tells the platform this tenant is alive.
func Heartbeat(ctx context.Context) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, os.Getenv("MOLECULE_PLATFORM_URL")+"/v1/heartbeat", nil)
	if err != nil {
		return err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	return resp.Body.Close()
}
