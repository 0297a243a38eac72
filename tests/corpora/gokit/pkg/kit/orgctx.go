package kit

import (
	"context"
	"net/http"
)

type ctxKey int

const (
	orgIDKey ctxKey = iota
	requestIDKey
)

// OrgFromHeader is a go-kit ServerBefore func: it copies the caller's org header into the context.
func OrgFromHeader(ctx context.Context, r *http.Request) context.Context {
	return context.WithValue(ctx, orgIDKey, r.Header.Get("X-Org-ID"))
}

// RequestIDFromHeader keeps the tracing id of the caller.
func RequestIDFromHeader(ctx context.Context, r *http.Request) context.Context {
	return context.WithValue(ctx, requestIDKey, r.Header.Get("X-Request-ID"))
}

func OrgID(ctx context.Context) string {
	v, _ := ctx.Value(orgIDKey).(string)
	return v
}

func RequestID(ctx context.Context) string {
	v, _ := ctx.Value(requestIDKey).(string)
	return v
}
