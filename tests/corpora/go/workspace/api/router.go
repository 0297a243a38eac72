// Package api is the workspace server's HTTP API.
package api

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/chi/v5/middleware"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/workspace/store"
	"github.com/acme/molecule/workspace/tenancy"
)

type Handler struct {
	orgID string
	pool  *pgxpool.Pool
	store *store.Store
	pools *tenancy.Pools
}

func NewHandler(orgID string, pool *pgxpool.Pool, pools *tenancy.Pools) *Handler {
	return &Handler{orgID: orgID, pool: pool, store: store.NewStore(pool, orgID), pools: pools}
}

func (h *Handler) Routes() http.Handler {
	r := chi.NewRouter()
	r.Use(middleware.RequestID, middleware.Recoverer)
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	r.Route("/workspaces/{ws}", func(r chi.Router) {
		r.Get("/memories", h.listMemories)
	})
	r.Get("/orgs/{orgID}/workspaces/{ws}/memories", h.listOrgMemories)
	r.Get("/orgs/{orgID}/whoami", h.whoami)
	return r
}

func (h *Handler) listMemories(w http.ResponseWriter, r *http.Request) {
	mems, err := h.store.ListMemories(r.Context(), chi.URLParam(r, "ws"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(mems)
}

// listOrgMemories serves any org from the shared host: the org comes from the URL.
func (h *Handler) listOrgMemories(w http.ResponseWriter, r *http.Request) {
	org := chi.URLParam(r, "orgID")
	pool, err := h.pools.For(r.Context(), org) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	mems, err := store.NewStore(pool, org).ListMemories(r.Context(), chi.URLParam(r, "ws")) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(mems)
}

// whoami only compares the requested org with this host's own.
func (h *Handler) whoami(w http.ResponseWriter, r *http.Request) {
	if chi.URLParam(r, "orgID") != h.orgID {
		http.NotFound(w, r)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]string{"org_id": h.orgID})
}
