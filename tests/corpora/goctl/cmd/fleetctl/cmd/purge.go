package cmd

import (
	"time"

	"github.com/gomodule/redigo/redis"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"

	wsstore "github.com/moleculeai/fleet/internal/workspace/store" // expect: MOL104
)

var purgeDays int

var purgeCmd = &cobra.Command{
	Use:   "purge",
	Short: "Retention: delete memories older than --days on every host",
	RunE: func(cmd *cobra.Command, args []string) error {
		db, err := openDB(cmd.Context())
		if err != nil {
			return err
		}
		defer db.Close()
		cutoff := time.Now().AddDate(0, 0, -purgeDays)
		_, err = wsstore.NewMemoryRepo(db).PurgeOlderThan(cmd.Context(), cutoff)  // expect: MOL101
		return err
	},
}

var flushCmd = &cobra.Command{
	Use:   "flush-ws-cache",
	Short: "Drop the cached workspace state of a host",
	RunE: func(cmd *cobra.Command, args []string) error {
		conn, err := redis.DialURL(viper.GetString("tenant_redis"))
		if err != nil {
			return err
		}
		defer conn.Close()
		stale, err := redis.Strings(conn.Do("KEYS", "ws:*")) // expect: MOL102
		if err != nil {
			return err
		}
		for _, k := range stale {
			if _, err := conn.Do("DEL", k); err != nil {
				return err
			}
		}
		return nil
	},
}

func init() {
	purgeCmd.Flags().IntVar(&purgeDays, "days", 90, "keep this many days")
	rootCmd.AddCommand(purgeCmd, flushCmd)
}
