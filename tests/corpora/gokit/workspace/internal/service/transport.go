package service

import (
	"context"
	"encoding/json"
	"net/http"

	httptransport "github.com/go-kit/kit/transport/http"

	"github.com/acme/fleet/pkg/kit"
)

func NewHTTPHandler(s Service) http.Handler {
	opts := []httptransport.ServerOption{
		httptransport.ServerBefore(kit.RequestIDFromHeader, kit.OrgFromHeader),
	}
	mux := http.NewServeMux()
	mux.Handle("/v1/memories", httptransport.NewServer(MakeListMemoriesEndpoint(s), decodeListMemories, encodeJSON, opts...))
	mux.Handle("/v1/memories/stats", httptransport.NewServer(MakeStatsEndpoint(s), decodeNothing, encodeJSON, opts...))
	mux.Handle("/v1/memories/count", httptransport.NewServer(MakeCountEndpoint(s), decodeCount, encodeJSON, opts...))
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	return mux
}

func decodeListMemories(_ context.Context, r *http.Request) (interface{}, error) {
	return listMemoriesRequest{AgentID: r.URL.Query().Get("agent_id")}, nil
}

func decodeCount(_ context.Context, r *http.Request) (interface{}, error) {
	var req countRequest
	err := json.NewDecoder(r.Body).Decode(&req)
	return req, err
}

func decodeNothing(context.Context, *http.Request) (interface{}, error) { return nil, nil }

func encodeJSON(_ context.Context, w http.ResponseWriter, resp interface{}) error {
	return json.NewEncoder(w).Encode(resp)
}
