// Package server is the workspace-server's HTTP API.
package server

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"sync"

	"github.com/spf13/viper"

	"github.com/moleculeai/fleet/internal/workspace/store"
)

type Server struct {
	orgID string
	db    *sql.DB
	log   *slog.Logger

	mu    sync.Mutex
	pools map[string]*sql.DB
	cache *StateCache
}

func New(orgID string, db *sql.DB, log *slog.Logger) *Server {
	return &Server{orgID: orgID, db: db, log: log, pools: map[string]*sql.DB{}}
}

func (s *Server) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusOK) })
	mux.HandleFunc("GET /orgs/{org}/memories", s.listMemories)
	mux.HandleFunc("GET /orgs/{org}/activity", s.activity)
	mux.HandleFunc("GET /orgs/{org}/export", s.export)
	mux.HandleFunc("GET /orgs/{org}/schedules", s.schedules)
	mux.HandleFunc("GET /workspaces/{ws}/state", s.state)
	mux.HandleFunc("GET /workspaces/{ws}/own-state", s.ownState)
	return mux
}

// ownOrg rejects requests for any org but the one this host serves.
func (s *Server) ownOrg(w http.ResponseWriter, r *http.Request) bool {
	if r.PathValue("org") != s.orgID {
		http.Error(w, "wrong host for this org", http.StatusMisdirectedRequest)
		return false
	}
	return true
}

func (s *Server) listMemories(w http.ResponseWriter, r *http.Request) {
	if !s.ownOrg(w, r) {
		return
	}
	ms, err := store.NewMemoryRepo(s.db).List(r.Context(), s.orgID)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(ms)
}

func (s *Server) activity(w http.ResponseWriter, r *http.Request) {
	if !s.ownOrg(w, r) {
		return
	}
	counts, err := store.KindCounts(r.Context(), s.db, s.orgID)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(counts)
}

// poolFor opens (once) the database of an org; the "multi-org preview" mode uses it.
func (s *Server) poolFor(org string) (*sql.DB, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if db, ok := s.pools[org]; ok {
		return db, nil
	}
	dsn := fmt.Sprintf(viper.GetString("preview.dsn_template"), org)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		return nil, err
	}
	s.pools[org] = db
	return db, nil
}

// export streams an org's memories; in preview mode one server hosts several orgs.
func (s *Server) export(w http.ResponseWriter, r *http.Request) {
	db, err := s.poolFor(r.PathValue("org")) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	ms, err := store.NewMemoryRepo(db).List(r.Context(), r.PathValue("org"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	_ = json.NewEncoder(w).Encode(ms)
}

func (s *Server) schedules(w http.ResponseWriter, r *http.Request) {
	org := r.PathValue("org")
	key := "ws:" + org + ":schedules"
	s.log.Info("schedules requested", "org", org, "key", key)
	rows, err := s.db.QueryContext(r.Context(), "SELECT id, cron, prompt FROM schedules WHERE org_id = $1", s.orgID)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	_ = json.NewEncoder(w).Encode(map[string]string{"org": s.orgID})
}

// state serves a workspace's live state for the org the gateway names in X-Molecule-Org.
func (s *Server) state(w http.ResponseWriter, r *http.Request) {
	st, err := s.cache.Get(r.Header.Get("X-Molecule-Org"), r.PathValue("ws")) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = json.NewEncoder(w).Encode(st)
}

func (s *Server) ownState(w http.ResponseWriter, r *http.Request) {
	st, err := s.cache.Own(r.PathValue("ws"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	_ = json.NewEncoder(w).Encode(st)
}
