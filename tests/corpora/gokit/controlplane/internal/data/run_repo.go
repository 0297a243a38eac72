package data

import (
	"context"
	"time"

	"github.com/acme/fleet/controlplane/internal/biz"
	"github.com/acme/fleet/pkg/storage"
)

type runRepo struct {
	data *Data
}

func NewRunRepo(d *Data) biz.RunRepo {
	return &runRepo{data: d}
}

// MessagesSince counts chat traffic fleet-wide for the weekly report.
func (r *runRepo) MessagesSince(ctx context.Context, days int) (int64, error) {
	var n int64
	since := time.Now().AddDate(0, 0, -days)
	err := r.data.orm.WithContext(ctx). // expect: MOL101, MOL201
		Table(storage.MessagesTable).
		Where("created_at > ?", since).
		Count(&n).Error
	return n, err
}
