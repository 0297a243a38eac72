package main

import (
	"context"
	"encoding/json"
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/controlplane/internal/config"
	"github.com/acme/molecule/controlplane/internal/db"
	"github.com/acme/molecule/controlplane/internal/dns"
	"github.com/acme/molecule/controlplane/internal/provision"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("config: %v", err)
	}
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("db: %v", err)
	}
	q := db.New(pool)
	prov := provision.New(pool)
	checker := dns.NewChecker(pool, cfg)

	r := chi.NewRouter()
	r.Use(middleware.Logger)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusNoContent) })
	r.Get("/v1/orgs", func(w http.ResponseWriter, r *http.Request) {
		orgs, err := q.ListOrgs(r.Context())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_ = json.NewEncoder(w).Encode(orgs)
	})
	r.Post("/v1/orgs/{org}/provision", func(w http.ResponseWriter, r *http.Request) {
		script, err := prov.Start(r.Context(), chi.URLParam(r, "org"), cfg.PublicURL)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, _ = w.Write([]byte(script))
	})
	r.Get("/v1/dns/ready", func(w http.ResponseWriter, r *http.Request) {
		if err := checker.Ready(r.Context()); err != nil {
			http.Error(w, err.Error(), http.StatusBadGateway)
		}
	})
	log.Fatal(http.ListenAndServe(":8000", r))
}
