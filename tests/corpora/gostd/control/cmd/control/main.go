package main

import (
	"database/sql"
	"encoding/json"
	"log/slog"
	"net/http"
	"os"

	"github.com/riverqueue/river"
	"gorm.io/driver/postgres"
	"gorm.io/gorm"

	"example.com/tally/control/internal/billing"
	"example.com/tally/control/internal/config"
	"example.com/tally/control/internal/fleet"
	"example.com/tally/control/internal/jobs"
	"example.com/tally/control/internal/store"
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
	gdb, err := gorm.Open(postgres.New(postgres.Config{Conn: sqldb}), &gorm.Config{})
	if err != nil {
		slog.Error("gorm", "err", err)
		os.Exit(1)
	}
	tenantDB, err := sql.Open("pgx", cfg.TenantDSN) // expect: MOL102
	if err != nil {
		slog.Error("open tenant", "err", err)
		os.Exit(1)
	}
	usage := billing.NewSource(tenantDB, os.Getenv("DIRECT_USAGE") == "1")
	reporter := fleet.New(store.New(gdb), cfg.RuntimePort)

	workers := river.NewWorkers()
	jobs.Register(workers, gdb)

	mux := http.NewServeMux()
	mux.HandleFunc("GET /orgs/{org}/usage", func(w http.ResponseWriter, r *http.Request) {
		n, err := usage.Used(r.Context(), r.PathValue("org"))
		if err != nil {
			http.Error(w, "internal", http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]int64{"memories": n})
	})
	mux.HandleFunc("GET /fleet/memories", func(w http.ResponseWriter, r *http.Request) {
		n, err := reporter.TotalMemories(r.Context())
		if err != nil {
			http.Error(w, "internal", http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]int{"memories": n})
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	slog.Info("control listening", "addr", cfg.Listen)
	if err := http.ListenAndServe(cfg.Listen, mux); err != nil {
		slog.Error("serve", "err", err)
		os.Exit(1)
	}
}
