//go:build wireinject
// +build wireinject

package main

import (
	"context"

	"github.com/google/wire"
	"github.com/nimbus/fleet/controlplane/internal/adapters/tenantdb"
	"github.com/nimbus/fleet/controlplane/internal/config"
)

func initializeAudit(ctx context.Context) (*tenantdb.ScheduleAudit, error) {
	wire.Build(config.Load, tenantdb.NewWorkspacePool, tenantdb.NewScheduleAudit)
	return nil, nil
}
