package service

import (
	"context"
	"time"

	"github.com/go-kit/log"

	"github.com/acme/fleet/workspace/internal/biz"
)

type Middleware func(Service) Service

func LoggingMiddleware(logger log.Logger) Middleware {
	return func(next Service) Service {
		return &loggingMiddleware{next: next, logger: logger}
	}
}

type loggingMiddleware struct {
	next   Service
	logger log.Logger
}

func (mw *loggingMiddleware) ListMemories(ctx context.Context, agentID string) (ms []biz.Memory, err error) {
	defer func(begin time.Time) {
		mw.logger.Log("method", "ListMemories", "table", "workspace_memories", "took", time.Since(begin), "err", err)
	}(time.Now())
	return mw.next.ListMemories(ctx, agentID)
}

func (mw *loggingMiddleware) MemoryStats(ctx context.Context) (map[string]int, error) {
	defer mw.logger.Log("method", "MemoryStats")
	return mw.next.MemoryStats(ctx)
}

func (mw *loggingMiddleware) CountMemories(ctx context.Context, orgID string) (int, error) {
	defer mw.logger.Log("method", "CountMemories", "org", orgID)
	return mw.next.CountMemories(ctx, orgID)
}
