// Package jobs holds the control plane's River jobs.
package jobs

import (
	"context"
	"log/slog"

	"github.com/riverqueue/river"
	"gorm.io/gorm"

	"example.com/tally/control/internal/store"
	"example.com/tally/pkg/tables"
)

type UsageRollupArgs struct{}

func (UsageRollupArgs) Kind() string { return "usage_rollup" }

// UsageRollupWorker counts every org's memories for the monthly usage e-mail.
type UsageRollupWorker struct {
	river.WorkerDefaults[UsageRollupArgs]
	gdb *gorm.DB
}

func (w *UsageRollupWorker) Work(ctx context.Context, job *river.Job[UsageRollupArgs]) error {
	var orgs []store.Org
	if err := w.gdb.WithContext(ctx).Find(&orgs).Error; err != nil {
		return err
	}
	var total int64
	for _, o := range orgs { // expect: MOL202
		var n int64
		if err := w.gdb.WithContext(ctx).Table(tables.Memories).Where("org_id = ?", o.ID).Count(&n).Error; err != nil { // expect: MOL101
			return err
		}
		total += n
	}
	slog.Info("usage rollup", "memories", total)
	return nil
}

type DNSSyncArgs struct{}

func (DNSSyncArgs) Kind() string { return "dns_sync" }

// DNSSyncWorker rewrites every org's DNS record from its host (platform data only).
type DNSSyncWorker struct {
	river.WorkerDefaults[DNSSyncArgs]
	gdb *gorm.DB
}

func (w *DNSSyncWorker) Work(ctx context.Context, job *river.Job[DNSSyncArgs]) error {
	var orgs []store.Org
	if err := w.gdb.WithContext(ctx).Find(&orgs).Error; err != nil {
		return err
	}
	synced := 0
	for _, o := range orgs {
		if err := w.gdb.WithContext(ctx).Table("dns_records").Where("org_id = ?", o.ID).Update("name", o.Host).Error; err != nil {
			return err
		}
		synced++
	}
	slog.Info("dns synced", "orgs", synced)
	return nil
}

func Register(workers *river.Workers, gdb *gorm.DB) {
	river.AddWorker(workers, &UsageRollupWorker{gdb: gdb})
	river.AddWorker(workers, &DNSSyncWorker{gdb: gdb})
}
