package main

import (
	"context"
	_ "embed"
	"os"

	"github.com/labstack/echo/v4"
	"github.com/spf13/cobra"
	"go.uber.org/fx"

	"github.com/acme/lattice/platform/internal/app"
	"github.com/acme/lattice/platform/internal/config"
	"github.com/acme/lattice/platform/internal/store"
)

//go:embed sql/backfill_usage.sql
var backfillUsageSQL string

func main() {
	root := &cobra.Command{Use: "controlplane"}
	root.AddCommand(serveCmd(), backfillCmd())
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}

func serveCmd() *cobra.Command {
	return &cobra.Command{
		Use: "serve",
		Run: func(*cobra.Command, []string) {
			fx.New(app.Module, fx.Provide(echo.New)).Run()
		},
	}
}

// backfillCmd seeds billing_events from the replica after the 2026-10 billing migration.
func backfillCmd() *cobra.Command {
	return &cobra.Command{
		Use: "backfill-usage",
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := config.Load()
			if err != nil {
				return err
			}
			ctx := context.Background()
			pool, err := store.OpenReporting(ctx, cfg)
			if err != nil {
				return err
			}
			_, err = pool.Exec(ctx, backfillUsageSQL) // expect: MOL201
			return err
		},
	}
}
