package main

import (
	"context"
	"database/sql"
	"log"

	"github.com/gofiber/fiber/v2"
	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/redis/go-redis/v9"

	"github.com/lattice/hive/pkg/tasks"
	"github.com/lattice/hive/workspace/internal/api"
	"github.com/lattice/hive/workspace/internal/config"
	"github.com/lattice/hive/workspace/internal/db"
	"github.com/lattice/hive/workspace/internal/jobs"
	"github.com/lattice/hive/workspace/store"
)

func main() {
	ctx := context.Background()
	cfg, err := config.Load("config.yaml")
	if err != nil {
		log.Fatalf("config: %v", err)
	}
	sqlDB, err := sql.Open("pgx", cfg.Database.DSN)
	if err != nil {
		log.Fatal(err)
	}
	pg, err := pgxpool.New(ctx, cfg.Database.DSN)
	if err != nil {
		log.Fatal(err)
	}
	opt, err := redis.ParseURL(cfg.Redis.URL)
	if err != nil {
		log.Fatal(err)
	}
	rdb := redis.NewClient(opt)

	app := fiber.New()
	api.New(cfg, sqlDB, pg, rdb).Register(app)

	srv := asynq.NewServer(asynq.RedisClientOpt{Addr: opt.Addr, DB: 1}, asynq.Config{Concurrency: 2})
	mux := asynq.NewServeMux()
	purge := jobs.NewPurgeHandler(cfg, db.NewPools(cfg.Database.PerOrgDSN), store.NewMemoryStore(sqlDB))
	mux.Handle(tasks.TypeMemoryPurge, purge)
	go func() { _ = srv.Run(mux) }()

	log.Fatal(app.Listen(cfg.HTTP.Addr))
}
