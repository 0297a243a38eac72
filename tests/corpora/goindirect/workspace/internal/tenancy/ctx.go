// Package tenancy carries the calling org through a request.
package tenancy

import (
	"context"
	"net/http"
)

type orgKey struct{}

func WithOrg(ctx context.Context, orgID string) context.Context {
	return context.WithValue(ctx, orgKey{}, orgID)
}

func OrgFrom(ctx context.Context) string {
	org, _ := ctx.Value(orgKey{}).(string)
	return org
}

// Middleware keeps the X-Org-ID header of the request in its context.
func Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		org := r.Header.Get("X-Org-ID")
		next.ServeHTTP(w, r.WithContext(WithOrg(r.Context(), org)))
	})
}
