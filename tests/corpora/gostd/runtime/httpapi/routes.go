// Package httpapi serves the runtime's API.
package httpapi

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"

	"example.com/tally/runtime/config"
	"example.com/tally/runtime/db"
	"example.com/tally/runtime/memstore"
	"example.com/tally/runtime/middleware"
)

type Server struct {
	cfg   *config.Config
	store *memstore.Store
	q     *db.Queries
	pools map[string]*sql.DB
}

func New(cfg *config.Config, store *memstore.Store, q *db.Queries) *Server {
	return &Server{cfg: cfg, store: store, q: q, pools: map[string]*sql.DB{}}
}

func (s *Server) Routes() *http.ServeMux {
	mux := http.NewServeMux()
	mux.Handle("GET /orgs/{org}/memories", middleware.WithOrg(http.HandlerFunc(s.listMemories)))
	mux.HandleFunc("GET /orgs/{org}/activity", s.listActivity)
	mux.HandleFunc("GET /orgs/{org}/schedules/count", s.countSchedules)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	return mux
}

// listMemories refuses any org but the one this runtime was started for.
func (s *Server) listMemories(w http.ResponseWriter, r *http.Request) {
	org := middleware.OrgFrom(r.Context())
	if org != s.cfg.OrgID {
		http.Error(w, "wrong org", http.StatusForbidden)
		return
	}
	rows, err := s.store.List(r.Context(), s.cfg.OrgID)
	if err != nil {
		slog.Error("list memories", "err", err)
		http.Error(w, "internal", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(rows)
}

// listActivity opens the database of whichever org the path names.
func (s *Server) listActivity(w http.ResponseWriter, r *http.Request) {
	dsn := fmt.Sprintf(s.cfg.DSNTemplate, middleware.OrgFrom(r.Context()))
	conn, err := sql.Open("pgx", dsn) // expect: MOL302
	if err != nil {
		http.Error(w, "internal", http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	items, err := db.New(conn).ListActivity(r.Context(), s.cfg.OrgID, 50)
	if err != nil {
		http.Error(w, "internal", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(items)
}

// countSchedules keeps one pool per org and serves whichever the path asks for.
func (s *Server) countSchedules(w http.ResponseWriter, r *http.Request) {
	pool := s.pools[r.PathValue("org")] // expect: MOL302
	n, err := db.New(pool).CountSchedules(r.Context(), r.PathValue("org"))
	if err != nil {
		http.Error(w, "internal", http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(map[string]int64{"count": n})
}
