package http

import (
	"fmt"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/redis/go-redis/v9"
)

// ExportHandler streams a workspace export. Exports run on the org's own replica.
type ExportHandler struct {
	replicaHost string
}

func (h *ExportHandler) Routes(r chi.Router) {
	r.With(WithOrg).Get("/api/v1/export", h.export)
	r.Get("/api/v1/orgs/{orgID}/cache/flush", h.flush)
}

func (h *ExportHandler) export(w http.ResponseWriter, r *http.Request) {
	org := OrgFromContext(r.Context())
	dsn := fmt.Sprintf("postgres://export@%s:5432/org_%s", h.replicaHost, org)
	pool, err := pgxpool.New(r.Context(), dsn) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	defer pool.Close()
	w.WriteHeader(http.StatusOK)
}

func (h *ExportHandler) flush(w http.ResponseWriter, r *http.Request) {
	orgID := chi.URLParam(r, "orgID")
	rdb := redis.NewClient(&redis.Options{Addr: "redis-" + orgID + ":6379"}) // expect: MOL302
	defer rdb.Close()
	rdb.FlushDB(r.Context())
}
