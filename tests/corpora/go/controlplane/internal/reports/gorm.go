// Package reports renders the fleet dashboards for the ops team.
package reports

import (
	"context"
	"time"

	"gorm.io/gorm"

	"github.com/acme/molecule/pkg/models"
	"github.com/acme/molecule/pkg/tables"
)

type Repo struct {
	db *gorm.DB
}

func NewRepo(db *gorm.DB) *Repo { return &Repo{db: db} }

// NewMemories counts memories written since t, over the whole fleet.
func (r *Repo) NewMemories(ctx context.Context, since time.Time) (int64, error) {
	var n int64
	err := r.db.WithContext(ctx).Model(&models.Memory{}).Where("created_at > ?", since).Count(&n).Error // expect: MOL101, MOL201
	return n, err
}

// QuotaRows counts configured quotas (platform table).
func (r *Repo) QuotaRows(ctx context.Context) (int64, error) {
	var n int64
	err := r.db.WithContext(ctx).Model(&models.MemoryQuota{}).Count(&n).Error
	return n, err
}

type KindCount struct {
	OrgID string
	N     int64
}

// ActivityByOrg ranks orgs by activity.
func (r *Repo) ActivityByOrg(ctx context.Context) ([]KindCount, error) {
	var out []KindCount
	err := r.db.WithContext(ctx).Table(tables.Activity).Select("org_id, count(*) AS n").Group("org_id").Scan(&out).Error // expect: MOL101, MOL201
	return out, err
}

// DueSchedules lists every workspace's overdue cron entries.
func (r *Repo) DueSchedules(ctx context.Context) ([]models.Schedule, error) {
	var due []models.Schedule
	err := r.db.WithContext(ctx).Where("next_run_at < now()").Find(&due).Error // expect: MOL101
	return due, err
}

// Orgs lists orgs (gorm's default table name).
func (r *Repo) Orgs(ctx context.Context) ([]models.Org, error) {
	var orgs []models.Org
	err := r.db.WithContext(ctx).Order("created_at").Find(&orgs).Error
	return orgs, err
}

// DNSByZone groups DNS records by target (platform table, raw SQL).
func (r *Repo) DNSByZone(ctx context.Context) (map[string]int64, error) {
	var rows []struct {
		Target string
		N      int64
	}
	err := r.db.WithContext(ctx).Raw("SELECT target, count(*) AS n FROM "+tables.DNSRecords+" GROUP BY target").Scan(&rows).Error
	out := map[string]int64{}
	for _, row := range rows {
		out[row.Target] = row.N
	}
	return out, err
}
