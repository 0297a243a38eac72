package main

import (
	"context"
	"database/sql"
	"log"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/redis/go-redis/v9"
	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"github.com/lumenhq/fleet/workspace/internal/api"
	"github.com/lumenhq/fleet/workspace/internal/config"
	"github.com/lumenhq/fleet/workspace/internal/platform"
	"github.com/lumenhq/fleet/workspace/internal/store"
	"github.com/lumenhq/fleet/workspace/internal/tenancy"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	sqldb, err := tenancy.Own(cfg.OrgID)
	if err != nil {
		log.Fatal(err)
	}
	db := bun.NewDB(sqldb, pgdialect.New())
	rdb := redis.NewClient(&redis.Options{Addr: cfg.RedisAddr})

	rep := platform.NewReporter(cfg)
	go func() {
		for range time.Tick(time.Minute) {
			_ = rep.Heartbeat(context.Background())
		}
	}()

	e := echo.New()
	api.Register(e, &api.Handlers{Memories: store.NewMemoryStore(db), Redis: rdb})
	_ = sql.ErrNoRows
	log.Fatal(e.Start(cfg.ListenAddr))
}
