// Package middleware puts the request's org in its context.
package middleware

import (
	"context"
	"net/http"
)

type ctxKey int

const orgKey ctxKey = iota

// WithOrg stores the org named in the path; handlers check it against the runtime's own.
func WithOrg(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := context.WithValue(r.Context(), orgKey, r.PathValue("org"))
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func OrgFrom(ctx context.Context) string {
	org, _ := ctx.Value(orgKey).(string)
	return org
}
