package service

import (
	"context"
	"time"

	"github.com/go-kit/kit/metrics"
	"github.com/go-kit/log"

	"github.com/acme/fleet/controlplane/internal/biz"
)

type Middleware func(ReportService) ReportService

func LoggingMiddleware(logger log.Logger) Middleware {
	return func(next ReportService) ReportService {
		return loggingMiddleware{logger: logger, next: next}
	}
}

type loggingMiddleware struct {
	logger log.Logger
	next   ReportService
}

func (mw loggingMiddleware) FleetMemories(ctx context.Context) (out []biz.OrgUsage, err error) {
	defer func(begin time.Time) {
		// reads workspace_memories counts from the replica
		mw.logger.Log("method", "FleetMemories", "source", "workspace_memories", "took", time.Since(begin), "err", err)
	}(time.Now())
	return mw.next.FleetMemories(ctx)
}

func (mw loggingMiddleware) OrgRuns(ctx context.Context, orgID string) (int64, error) {
	defer mw.logger.Log("method", "OrgRuns", "org", orgID)
	return mw.next.OrgRuns(ctx, orgID)
}

func (mw loggingMiddleware) Quotas(ctx context.Context) ([]biz.OrgUsage, error) {
	defer mw.logger.Log("method", "Quotas")
	return mw.next.Quotas(ctx)
}

func InstrumentingMiddleware(requests metrics.Counter) Middleware {
	return func(next ReportService) ReportService {
		return instrumentingMiddleware{requests: requests, next: next}
	}
}

type instrumentingMiddleware struct {
	requests metrics.Counter
	next     ReportService
}

func (mw instrumentingMiddleware) FleetMemories(ctx context.Context) ([]biz.OrgUsage, error) {
	mw.requests.With("method", "FleetMemories").Add(1)
	return mw.next.FleetMemories(ctx)
}

func (mw instrumentingMiddleware) OrgRuns(ctx context.Context, orgID string) (int64, error) {
	mw.requests.With("method", "OrgRuns").Add(1)
	return mw.next.OrgRuns(ctx, orgID)
}

func (mw instrumentingMiddleware) Quotas(ctx context.Context) ([]biz.OrgUsage, error) {
	mw.requests.With("method", "Quotas").Add(1)
	return mw.next.Quotas(ctx)
}
