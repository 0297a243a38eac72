// Package server implements the memory plugin's gRPC services.
package server

import (
	"context"

	memoryv1 "github.com/acme/molecule/gen/go/memory/v1"
	"github.com/acme/molecule/workspace/internal/store"
	"github.com/redis/go-redis/v9"
)

type MemoryServer struct {
	memories *store.Memories
	cache    *redis.Client
	orgID    string
}

func NewMemoryServer(m *store.Memories, cache *redis.Client, orgID string) *MemoryServer {
	return &MemoryServer{memories: m, cache: cache, orgID: orgID}
}

func (s *MemoryServer) CountMemories(ctx context.Context, _ *memoryv1.CountMemoriesRequest) (*memoryv1.CountMemoriesResponse, error) {
	if n, err := s.cache.Get(ctx, "mem:"+s.orgID+":count").Int64(); err == nil {
		return &memoryv1.CountMemoriesResponse{Count: n}, nil
	}
	n, err := s.memories.Count(ctx, s.orgID)
	if err != nil {
		return nil, err
	}
	return &memoryv1.CountMemoriesResponse{Count: n}, nil
}
