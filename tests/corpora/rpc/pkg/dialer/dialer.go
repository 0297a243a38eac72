// Package dialer opens gRPC connections to our services with the shared
// interceptors and transport settings.
package dialer

import (
	"fmt"

	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
)

// Dial connects to addr with the default options.
func Dial(addr string) (*grpc.ClientConn, error) {
	return grpc.NewClient(addr,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
	)
}

// WorkspaceAddr is the address of one org's memory plugin, as the fleet DNS names it.
func WorkspaceAddr(orgSlug string) string {
	return fmt.Sprintf("memory.%s.tenants.internal:9090", orgSlug)
}
