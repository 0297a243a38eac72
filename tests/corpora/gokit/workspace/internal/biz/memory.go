package biz

import (
	"context"
	"time"
)

type Memory struct {
	ID        int64
	AgentID   string
	Content   string
	CreatedAt time.Time
}

// MemoryRepo is implemented by the data layer.
type MemoryRepo interface {
	ListByAgent(ctx context.Context, agentID string) ([]Memory, error)
	CountByAgent(ctx context.Context) (map[string]int, error)
	CountForOrg(ctx context.Context, orgID string) (int, error)
}

type MemoryUsecase struct {
	repo MemoryRepo
}

func NewMemoryUsecase(repo MemoryRepo) *MemoryUsecase {
	return &MemoryUsecase{repo: repo}
}

func (uc *MemoryUsecase) List(ctx context.Context, agentID string) ([]Memory, error) {
	return uc.repo.ListByAgent(ctx, agentID)
}

func (uc *MemoryUsecase) Stats(ctx context.Context) (map[string]int, error) {
	return uc.repo.CountByAgent(ctx)
}

func (uc *MemoryUsecase) CountForOrg(ctx context.Context, orgID string) (int, error) {
	return uc.repo.CountForOrg(ctx, orgID)
}
