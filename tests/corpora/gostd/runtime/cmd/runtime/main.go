package main

import (
	"database/sql"
	"log/slog"
	"net/http"
	"os"

	"github.com/uptrace/bun"
	"github.com/uptrace/bun/dialect/pgdialect"

	"example.com/tally/runtime/config"
	"example.com/tally/runtime/db"
	"example.com/tally/runtime/httpapi"
	"example.com/tally/runtime/memstore"
)

func main() {
	cfg, err := config.Load(os.Args[1:])
	if err != nil {
		slog.Error("config", "err", err)
		os.Exit(2)
	}
	sqldb, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		slog.Error("open", "err", err)
		os.Exit(1)
	}
	bdb := bun.NewDB(sqldb, pgdialect.New())
	srv := httpapi.New(cfg, memstore.New(bdb), db.New(sqldb))
	slog.Info("runtime listening", "addr", cfg.Listen, "org", cfg.OrgID)
	if err := http.ListenAndServe(cfg.Listen, srv.Routes()); err != nil {
		slog.Error("serve", "err", err)
		os.Exit(1)
	}
}
