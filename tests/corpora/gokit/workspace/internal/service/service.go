package service

import (
	"context"

	"github.com/acme/fleet/workspace/internal/biz"
)

// Service is the workspace's public API.
type Service interface {
	ListMemories(ctx context.Context, agentID string) ([]biz.Memory, error)
	MemoryStats(ctx context.Context) (map[string]int, error)
	CountMemories(ctx context.Context, orgID string) (int, error)
}

type workspaceService struct {
	memories *biz.MemoryUsecase
}

func NewService(uc *biz.MemoryUsecase) Service {
	return &workspaceService{memories: uc}
}

func (s *workspaceService) ListMemories(ctx context.Context, agentID string) ([]biz.Memory, error) {
	return s.memories.List(ctx, agentID)
}

func (s *workspaceService) MemoryStats(ctx context.Context) (map[string]int, error) {
	return s.memories.Stats(ctx)
}

func (s *workspaceService) CountMemories(ctx context.Context, orgID string) (int, error) {
	return s.memories.CountForOrg(ctx, orgID)
}
