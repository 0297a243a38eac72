package data

import (
	"database/sql"
	"fmt"
	"sync"

	"github.com/go-kratos/kratos/v2/log"
	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"

	"github.com/acme/fleet/workspace/internal/conf"
)

// Data holds the workspace's own stores.
type Data struct {
	db  *sql.DB
	rdb *redis.Client

	mu        sync.Mutex
	dsnTpl    string
	orgShards map[string]*sql.DB
}

func NewData(c *conf.Data, logger log.Logger) (*Data, func(), error) {
	helper := log.NewHelper(logger)
	db, err := sql.Open(c.Database.Driver, c.Database.Source)
	if err != nil {
		return nil, nil, err
	}
	rdb := redis.NewClient(&redis.Options{Addr: c.Redis.Addr})
	d := &Data{db: db, rdb: rdb, dsnTpl: c.GetDatabase().SourceTemplate, orgShards: map[string]*sql.DB{}}
	cleanup := func() {
		helper.Info("closing the data resources")
		_ = db.Close()
		_ = rdb.Close()
	}
	return d, cleanup, nil
}

// shardFor opens (once) a pool on the org's own schema.
func (d *Data) shardFor(orgID string) (*sql.DB, error) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if db, ok := d.orgShards[orgID]; ok {
		return db, nil
	}
	db, err := sql.Open("postgres", fmt.Sprintf(d.dsnTpl, "org_"+orgID))
	if err != nil {
		return nil, err
	}
	d.orgShards[orgID] = db
	return db, nil
}
