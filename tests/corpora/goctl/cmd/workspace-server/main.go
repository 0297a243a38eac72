package main

import (
	"context"
	"database/sql"
	"log/slog"
	"net/http"
	"os"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/moleculeai/fleet/internal/workspace/config"
	"github.com/moleculeai/fleet/internal/workspace/platform"
	"github.com/moleculeai/fleet/internal/workspace/server"
)

func main() {
	log := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	cfg, err := config.Load()
	if err != nil {
		log.Error("config", "err", err)
		os.Exit(1)
	}
	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		log.Error("db", "err", err)
		os.Exit(1)
	}
	go func() {
		for range time.Tick(30 * time.Second) {
			_ = platform.Beat(context.Background(), cfg.OrgID)
		}
	}()
	srv := server.New(cfg.OrgID, db, log)
	log.Info("listening", "addr", cfg.Listen)
	if err := http.ListenAndServe(cfg.Listen, srv.Routes()); err != nil {
		log.Error("serve", "err", err)
		os.Exit(1)
	}
}
