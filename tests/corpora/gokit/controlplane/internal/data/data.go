package data

import (
	"database/sql"

	"github.com/go-kratos/kratos/v2/log"
	"github.com/google/wire"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"github.com/acme/fleet/controlplane/internal/conf"
)

var ProviderSet = wire.NewSet(NewData, NewBillingRepo, NewUsageRepo, NewRunRepo)

// Data holds the control plane's stores, plus the read replica used for fleet reports.
type Data struct {
	db      *sql.DB
	orm     *gorm.DB
	replica *sql.DB
	rdb     *redis.Client
	wsCache *redis.Client
}

func NewData(c *conf.Data, logger log.Logger) (*Data, func(), error) {
	helper := log.NewHelper(logger)
	db, err := sql.Open(c.Database.Driver, c.Database.Source)
	if err != nil {
		return nil, nil, err
	}
	orm, err := gorm.Open(postgres.New(postgres.Config{Conn: db}), &gorm.Config{})
	if err != nil {
		return nil, nil, err
	}
	replica, err := sql.Open(c.ReportReplica.Driver, c.ReportReplica.Source)
	if err != nil {
		return nil, nil, err
	}
	d := &Data{
		db:      db,
		orm:     orm,
		replica: replica,
		rdb:     redis.NewClient(&redis.Options{Addr: c.Redis.Addr}),
		wsCache: redis.NewClient(&redis.Options{Addr: c.WorkspaceCache.Addr}),
	}
	cleanup := func() {
		helper.Info("closing the data resources")
		_ = db.Close()
		_ = replica.Close()
	}
	return d, cleanup, nil
}
