// Package api is the workspace server's HTTP API.
package api

import (
	"encoding/json"
	"log/slog"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/pkg/tables"
	"github.com/orbitlabs/orbit/workspace/internal/config"
	"github.com/orbitlabs/orbit/workspace/internal/tenancy"
	"github.com/orbitlabs/orbit/workspace/store"
)

type Server struct {
	cfg   *config.Config
	pool  *pgxpool.Pool
	pools *store.Pools
}

func New(cfg *config.Config, pool *pgxpool.Pool) *Server {
	return &Server{cfg: cfg, pool: pool, pools: store.NewPools()}
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("GET /api/v1/workspaces/{ws}/memories", s.listMemories)
	mux.HandleFunc("GET /api/v1/workspaces/{ws}/events", s.listEvents)
	mux.HandleFunc("GET /api/v1/stats", s.stats)
	return tenancy.Middleware(mux)
}

// listMemories serves the org of this server only: another org's caller is refused.
func (s *Server) listMemories(w http.ResponseWriter, r *http.Request) {
	if org := tenancy.OrgFrom(r.Context()); org != "" && org != s.cfg.OrgID {
		slog.Warn("refused request for another org", "org", org)
		http.Error(w, "wrong org", http.StatusForbidden)
		return
	}
	rows, err := s.pool.Query(r.Context(), "SELECT key, content FROM "+tables.Memories+" WHERE workspace_id = $1", r.PathValue("ws"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	var out []map[string]string
	for rows.Next() {
		var k, c string
		_ = rows.Scan(&k, &c)
		out = append(out, map[string]string{"key": k, "content": c})
	}
	_ = json.NewEncoder(w).Encode(out)
}

// listEvents reads from the pool of the org named by the request's header.
func (s *Server) listEvents(w http.ResponseWriter, r *http.Request) {
	pool, err := s.pools.For(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	rows, err := pool.Query(r.Context(), "SELECT verb, payload FROM "+tables.Events+" WHERE workspace_id = $1", r.PathValue("ws"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	rows.Close()
	w.WriteHeader(http.StatusOK)
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	counts, err := store.NewMemoryRepo(s.pool, s.cfg.OrgID).PerWorkspace(r.Context())
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(counts)
}
