// Package store is the control plane's GORM data access.
package store

import (
	"context"

	"gorm.io/gorm"

	"example.com/tally/pkg/tables"
)

type Store struct {
	gdb *gorm.DB
}

func New(gdb *gorm.DB) *Store { return &Store{gdb: gdb} }

func forOrg(id string) func(*gorm.DB) *gorm.DB {
	return func(db *gorm.DB) *gorm.DB { return db.Where("org_id = ?", id) }
}

func (s *Store) Orgs(ctx context.Context) ([]Org, error) {
	var out []Org
	err := s.gdb.WithContext(ctx).Order("id").Find(&out).Error
	return out, err
}

// countRows counts a control-plane table; callers pass platform tables only.
func (s *Store) countRows(ctx context.Context, table string) (int64, error) {
	var n int64
	err := s.gdb.WithContext(ctx).Table(table).Count(&n).Error
	return n, err
}

func (s *Store) OrgCount(ctx context.Context) (int64, error) {
	return s.countRows(ctx, tables.Orgs)
}

func (s *Store) AccountCount(ctx context.Context) (int64, error) {
	return s.countRows(ctx, tables.BillingAccounts)
}

// QuotaUsage sums what runtimes pushed into memory_quotas, per org.
func (s *Store) QuotaUsage(ctx context.Context) (map[string]int, error) {
	var rows []Quota
	if err := s.gdb.WithContext(ctx).Select("org_id, sum(used_memories) as used_memories").Group("org_id").Find(&rows).Error; err != nil {
		return nil, err
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.OrgID] = r.UsedMemories
	}
	return out, nil
}

// OrgSchedules is the support console's view of an org's schedules.
func (s *Store) OrgSchedules(ctx context.Context, id string) ([]Schedule, error) {
	var scheds []Schedule
	err := s.gdb.WithContext(ctx).Scopes(forOrg(id)).Find(&scheds).Error
	return scheds, err
}

func (s *Store) Activity(ctx context.Context, id string) ([]map[string]any, error) {
	var out []map[string]any
	err := s.gdb.WithContext(ctx).Table(tables.ActivityEvents).Where("org_id = ?", id).Find(&out).Error // expect: MOL101
	return out, err
}

func (s *Store) ScheduleCount(ctx context.Context, id string) (int64, error) {
	var n int64
	err := s.gdb.WithContext(ctx).Scopes(forOrg(id)).Table(tables.Schedules).Count(&n).Error
	return n, err
}

// ActivityByOrg is the fleet dashboard's activity histogram.
func (s *Store) ActivityByOrg(ctx context.Context) ([]map[string]any, error) {
	var out []map[string]any
	err := s.gdb.WithContext(ctx).Table(tables.ActivityEvents).Select("org_id, count(*) as n").Group("org_id").Scan(&out).Error // expect: MOL101, MOL201
	return out, err
}
