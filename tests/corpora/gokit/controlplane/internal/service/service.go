package service

import (
	"context"

	"github.com/acme/fleet/controlplane/internal/biz"
)

// ReportService serves the fleet dashboard.
type ReportService interface {
	FleetMemories(ctx context.Context) ([]biz.OrgUsage, error)
	OrgRuns(ctx context.Context, orgID string) (int64, error)
	Quotas(ctx context.Context) ([]biz.OrgUsage, error)
}

type reportService struct {
	uc *biz.ReportUsecase
}

func NewReportService(uc *biz.ReportUsecase) ReportService {
	return reportService{uc: uc}
}

func (s reportService) FleetMemories(ctx context.Context) ([]biz.OrgUsage, error) {
	return s.uc.FleetMemories(ctx)
}

func (s reportService) OrgRuns(ctx context.Context, orgID string) (int64, error) {
	return s.uc.OrgRuns(ctx, orgID)
}

func (s reportService) Quotas(ctx context.Context) ([]biz.OrgUsage, error) {
	return s.uc.QuotaReport(ctx)
}
