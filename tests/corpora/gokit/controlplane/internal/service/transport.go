package service

import (
	"context"
	"encoding/json"
	"net/http"

	"github.com/go-kit/kit/endpoint"
	httptransport "github.com/go-kit/kit/transport/http"
)

type orgRequest struct {
	OrgID string `json:"org_id"`
}

func MakeFleetMemoriesEndpoint(s ReportService) endpoint.Endpoint {
	return func(ctx context.Context, _ interface{}) (interface{}, error) {
		return s.FleetMemories(ctx)
	}
}

func MakeOrgRunsEndpoint(s ReportService) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(orgRequest)
		return s.OrgRuns(ctx, req.OrgID)
	}
}

func MakeQuotasEndpoint(s ReportService) endpoint.Endpoint {
	return func(ctx context.Context, _ interface{}) (interface{}, error) {
		return s.Quotas(ctx)
	}
}

func NewHTTPHandler(s ReportService) http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/admin/fleet/memories", httptransport.NewServer(MakeFleetMemoriesEndpoint(s), decodeEmpty, encodeJSON))
	mux.Handle("/admin/orgs/runs", httptransport.NewServer(MakeOrgRunsEndpoint(s), decodeOrg, encodeJSON))
	mux.Handle("/admin/billing/quotas", httptransport.NewServer(MakeQuotasEndpoint(s), decodeEmpty, encodeJSON))
	return mux
}

func decodeEmpty(context.Context, *http.Request) (interface{}, error) { return nil, nil }

func decodeOrg(_ context.Context, r *http.Request) (interface{}, error) {
	return orgRequest{OrgID: r.URL.Query().Get("org_id")}, nil
}

func encodeJSON(_ context.Context, w http.ResponseWriter, resp interface{}) error {
	return json.NewEncoder(w).Encode(resp)
}
