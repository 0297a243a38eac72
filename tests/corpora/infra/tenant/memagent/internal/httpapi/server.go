// Package httpapi is the memory agent's HTTP API.
package httpapi

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"

	"github.com/molecule/memagent/internal/auth"
	"github.com/molecule/memagent/internal/config"
	"github.com/molecule/memagent/internal/store"
)

type Server struct {
	cfg      config.Config
	own      *store.Store
	registry *store.Registry
}

func New(cfg config.Config, own *store.Store, registry *store.Registry) *Server {
	return &Server{cfg: cfg, own: own, registry: registry}
}

func (s *Server) Routes(jwtKey []byte) http.Handler {
	r := chi.NewRouter()
	r.Get("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusOK) })
	r.Get("/api/workspaces/{workspaceID}/memories", s.memories)
	r.Get("/dev/orgs/{orgID}/workspaces/{workspaceID}/memories", s.devMemories)
	r.With(auth.Middleware(jwtKey)).Get("/api/v2/workspaces/{workspaceID}/memories", s.claimedMemories)
	r.With(withCallerOrg).Get("/export/workspaces/{workspaceID}/memories", s.exportMemories)
	r.With(s.withHostOrg).Get("/own/workspaces/{workspaceID}/memories", s.ownMemories)
	return r
}

func (s *Server) exportMemories(w http.ResponseWriter, r *http.Request) {
	st, err := s.registry.ForOrg(r.Context(), callerOrg(r)) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out, err := st.Memories(r.Context(), chi.URLParam(r, "workspaceID"))
	writeJSON(w, out, err)
}

func (s *Server) ownMemories(w http.ResponseWriter, r *http.Request) {
	st, err := s.registry.ForOrg(r.Context(), hostOrg(r))
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out, err := st.Memories(r.Context(), chi.URLParam(r, "workspaceID"))
	writeJSON(w, out, err)
}

// memories serves this host's org only: a request naming another org is refused.
func (s *Server) memories(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("X-Molecule-Org") != s.cfg.OrgID {
		http.Error(w, "wrong org", http.StatusForbidden)
		return
	}
	out, err := s.own.Memories(r.Context(), chi.URLParam(r, "workspaceID"))
	writeJSON(w, out, err)
}

func (s *Server) devMemories(w http.ResponseWriter, r *http.Request) {
	orgID := chi.URLParam(r, "orgID")
	st, err := s.registry.ForOrg(r.Context(), orgID) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out, err := st.Memories(r.Context(), chi.URLParam(r, "workspaceID"))
	writeJSON(w, out, err)
}

func (s *Server) claimedMemories(w http.ResponseWriter, r *http.Request) {
	claims := auth.FromContext(r.Context())
	st, err := s.registry.ForOrg(r.Context(), claims.OrgID) // expect: MOL302
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	out, err := st.Memories(r.Context(), chi.URLParam(r, "workspaceID"))
	writeJSON(w, out, err)
}

func writeJSON(w http.ResponseWriter, v any, err error) {
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}
