package biz

import "context"

type OrgUsage struct {
	OrgID string
	Count int64
}

// UsageRepo feeds the fleet dashboard.
type UsageRepo interface {
	MemoriesPerOrg(ctx context.Context) ([]OrgUsage, error)
	RunsForOrg(ctx context.Context, orgID string) (int64, error)
}

// BillingRepo is the control plane's own ledger.
type BillingRepo interface {
	QuotaPerOrg(ctx context.Context) ([]OrgUsage, error)
	InvoiceTotal(ctx context.Context, orgID string) (int64, error)
	ActiveOrgs(ctx context.Context) ([]string, error)
}

type RunRepo interface {
	MessagesSince(ctx context.Context, days int) (int64, error)
}

type ReportUsecase struct {
	usage   UsageRepo
	billing BillingRepo
	runs    RunRepo
}

func NewReportUsecase(u UsageRepo, b BillingRepo, r RunRepo) *ReportUsecase {
	return &ReportUsecase{usage: u, billing: b, runs: r}
}

func (uc *ReportUsecase) FleetMemories(ctx context.Context) ([]OrgUsage, error) {
	return uc.usage.MemoriesPerOrg(ctx)
}

func (uc *ReportUsecase) OrgRuns(ctx context.Context, orgID string) (int64, error) {
	return uc.usage.RunsForOrg(ctx, orgID)
}

func (uc *ReportUsecase) QuotaReport(ctx context.Context) ([]OrgUsage, error) {
	return uc.billing.QuotaPerOrg(ctx)
}

func (uc *ReportUsecase) WeeklyMessages(ctx context.Context) (int64, error) {
	return uc.runs.MessagesSince(ctx, 7)
}
