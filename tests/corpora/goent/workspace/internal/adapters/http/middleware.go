// Package http holds the workspace server's chi router, handlers and middleware.
package http

import (
	"context"
	"net/http"
	"os"
)

type ctxKey int

const orgIDKey ctxKey = iota

// WithOrg puts the caller's org into the request context.
func WithOrg(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), orgIDKey, r.Header.Get("X-Org-ID"))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// RequireOwnOrg rejects requests for any org but the one this tenant runs for.
func RequireOwnOrg(next http.Handler) http.Handler {
	own := os.Getenv("MOLECULE_ORG_ID")
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Org-ID") != own {
			http.Error(w, "wrong org", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// OrgFromContext returns the org WithOrg stored.
func OrgFromContext(ctx context.Context) string {
	v, _ := ctx.Value(orgIDKey).(string)
	return v
}
