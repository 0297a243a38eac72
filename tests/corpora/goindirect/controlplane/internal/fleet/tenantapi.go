package fleet

import (
	"context"
	"fmt"
	"net/http"
	"net/url"

	"github.com/orbitlabs/orbit/pkg/routes"
)

// tenantAPI talks to one org's workspace server directly.
type tenantAPI struct {
	base *url.URL
	hc   *http.Client
}

func newTenantAPI(host string) *tenantAPI {
	return &tenantAPI{base: &url.URL{Scheme: "http", Host: host}, hc: http.DefaultClient}
}

func (t *tenantAPI) do(ctx context.Context, path string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, t.base.JoinPath(path).String(), nil)
	if err != nil {
		return nil, err
	}
	return t.hc.Do(req)
}

// RecentEvents pulls a workspace's activity feed, for the abuse report.
func RecentEvents(ctx context.Context, host, workspaceID string) (*http.Response, error) {
	return newTenantAPI(host).do(ctx, fmt.Sprintf(routes.WorkspaceEvents, workspaceID)) // expect: MOL103
}

// Status is the provisioning state of a workspace (not functional data).
func Status(ctx context.Context, host, workspaceID string) (*http.Response, error) {
	return newTenantAPI(host).do(ctx, fmt.Sprintf(routes.WorkspaceStatus, workspaceID))
}
