// opsctl runs the control plane's ops jobs.
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"time"

	_ "github.com/lib/pq"
	"github.com/redis/go-redis/v9"
	"github.com/spf13/cobra"

	"github.com/acme/fleet/pkg/kit"
	"github.com/acme/fleet/workspace/pkg/memstore" // expect: MOL104
)

func main() {
	root := &cobra.Command{Use: "opsctl"}
	root.AddCommand(purgeCmd(), flushCmd(), resetLimitsCmd())
	if err := root.Execute(); err != nil {
		os.Exit(1)
	}
}

func purgeCmd() *cobra.Command {
	var days int
	cmd := &cobra.Command{
		Use:   "purge-memories",
		Short: "delete workspace memories older than the retention window",
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := sql.Open("postgres", os.Getenv(kit.EnvWorkspaceDSN)) // expect: MOL102
			if err != nil {
				return err
			}
			defer db.Close()
			n, err := memstore.New(db).PurgeOlderThan(cmd.Context(), time.Now().AddDate(0, 0, -days)) // expect: MOL101
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "purged %d rows\n", n)
			return nil
		},
	}
	cmd.Flags().IntVar(&days, "days", 90, "retention in days")
	return cmd
}

func redisFromEnv(name string) *redis.Client {
	return redis.NewClient(&redis.Options{Addr: os.Getenv(name)})
}

func flushCmd() *cobra.Command {
	var org string
	cmd := &cobra.Command{
		Use:   "flush-memory-cache",
		Short: "drop an org's cached memories after a restore",
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := context.Background()
			rdb := redisFromEnv(kit.EnvWorkspaceRedis) // expect: MOL102
			keys, err := rdb.Keys(ctx, kit.MemoryCachePattern(org)).Result() // expect: MOL102
			if err != nil {
				return err
			}
			return rdb.Del(ctx, keys...).Err()
		},
	}
	cmd.Flags().StringVar(&org, "org", "", "org id")
	return cmd
}

func resetLimitsCmd() *cobra.Command {
	var org string
	cmd := &cobra.Command{
		Use:   "reset-rate-limit",
		Short: "clear the control plane's rate limiter for an org",
		RunE: func(cmd *cobra.Command, _ []string) error {
			rdb := redis.NewClient(&redis.Options{Addr: os.Getenv("CONTROLPLANE_REDIS_ADDR")})
			return rdb.Del(context.Background(), kit.RateLimitKey(org)).Err()
		},
	}
	cmd.Flags().StringVar(&org, "org", "", "org id")
	return cmd
}
