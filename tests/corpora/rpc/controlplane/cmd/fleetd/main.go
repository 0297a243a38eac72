package main

import (
	"context"
	"database/sql"
	"log"
	"log/slog"

	"github.com/acme/molecule/controlplane/internal/config"
	"github.com/acme/molecule/controlplane/internal/fleet"
	_ "github.com/jackc/pgx/v5/stdlib"
)

func main() {
	cfg := config.Load()
	db, err := sql.Open("pgx", cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	rep := fleet.NewReporter(db)
	up, err := rep.Liveness(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	slog.Info("fleet liveness", "orgs", len(up))
}
