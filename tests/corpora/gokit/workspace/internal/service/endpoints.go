package service

import (
	"context"

	"github.com/go-kit/kit/endpoint"
)

type listMemoriesRequest struct {
	AgentID string `json:"agent_id"`
}

type countRequest struct {
	OrgID string `json:"org_id"`
}

type countResponse struct {
	N   int    `json:"n"`
	Err string `json:"err,omitempty"`
}

func MakeListMemoriesEndpoint(s Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(listMemoriesRequest)
		return s.ListMemories(ctx, req.AgentID)
	}
}

func MakeStatsEndpoint(s Service) endpoint.Endpoint {
	return func(ctx context.Context, _ interface{}) (interface{}, error) {
		return s.MemoryStats(ctx)
	}
}

func MakeCountEndpoint(s Service) endpoint.Endpoint {
	return func(ctx context.Context, request interface{}) (interface{}, error) {
		req := request.(countRequest)
		n, err := s.CountMemories(ctx, req.OrgID)
		if err != nil {
			return countResponse{Err: err.Error()}, nil
		}
		return countResponse{N: n}, nil
	}
}
