package httpapi

import (
	"context"
	"net/http"
)

type orgKey struct{}

type hostOrgKey struct{}

// withCallerOrg remembers which org the caller says it acts for (the export tool sends it).
func withCallerOrg(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), orgKey{}, r.Header.Get("X-Molecule-Org"))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// withHostOrg puts this host's own org (MOLECULE_ORG_ID) on every request, for logging.
func (s *Server) withHostOrg(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), hostOrgKey{}, s.cfg.OrgID)))
	})
}

func callerOrg(r *http.Request) string {
	org, _ := r.Context().Value(orgKey{}).(string)
	return org
}

func hostOrg(r *http.Request) string {
	org, _ := r.Context().Value(hostOrgKey{}).(string)
	return org
}
