// Package interceptors holds the workspace server's gRPC interceptors.
package interceptors

import (
	"context"
	"os"

	"github.com/acme/molecule/workspace/internal/store"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

const orgHeader = "x-molecule-org"

type poolKey struct{}

func orgFromMetadata(ctx context.Context) string {
	md, ok := metadata.FromIncomingContext(ctx)
	if !ok {
		return ""
	}
	if v := md.Get(orgHeader); len(v) > 0 {
		return v[0]
	}
	return ""
}

// CheckOrg rejects calls addressed to another org than the one this tenant runs.
func CheckOrg() grpc.UnaryServerInterceptor {
	own := os.Getenv("MOLECULE_ORG_ID")
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		if org := orgFromMetadata(ctx); org != "" && org != own {
			return nil, status.Error(codes.PermissionDenied, "wrong org")
		}
		return handler(ctx, req)
	}
}

// OrgPool picks the data store of the org named in the call's metadata.
func OrgPool() grpc.UnaryServerInterceptor {
	return func(ctx context.Context, req any, info *grpc.UnaryServerInfo, handler grpc.UnaryHandler) (any, error) {
		pool, err := store.ForOrg(ctx, orgFromMetadata(ctx)) // expect: MOL302
		if err != nil {
			return nil, status.Error(codes.Unavailable, err.Error())
		}
		return handler(context.WithValue(ctx, poolKey{}, pool), req)
	}
}
