package main

import (
	"log"

	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	_ "github.com/jackc/pgx/v5/stdlib"

	"github.com/acme/lattice/tenant/internal/config"
	"github.com/acme/lattice/tenant/internal/httpapi"
	"github.com/acme/lattice/tenant/store"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("config: %v (is RUNTIME_TENANT_DB_URL set?)", err)
	}
	db := sqlx.MustConnect("pgx", cfg.DatabaseURL)
	e := echo.New()
	httpapi.Register(e, httpapi.NewHandlers(store.NewMemoryRepo(db)))
	log.Fatal(e.Start(cfg.Addr))
}
