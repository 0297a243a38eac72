// Package cmd holds fleetctl's cobra commands.
package cmd

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"os"
	"strings"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
)

var cfgFile string

var rootCmd = &cobra.Command{
	Use:   "fleetctl",
	Short: "Operate the Molecule fleet: orgs, DNS, billing",
}

func Execute() {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func init() {
	cobra.OnInitialize(initConfig)
	rootCmd.PersistentFlags().StringVar(&cfgFile, "config", "", "config file (default $HOME/.fleetctl.yaml)")
	rootCmd.PersistentFlags().String("db", "", "control-plane Postgres DSN")
	rootCmd.PersistentFlags().String("tenant-redis", "", "Redis of a workspace host (break-glass only)")
	_ = viper.BindPFlag("db", rootCmd.PersistentFlags().Lookup("db"))
	_ = viper.BindPFlag("tenant_redis", rootCmd.PersistentFlags().Lookup("tenant-redis"))
	_ = viper.BindEnv("db", "PLATFORM_DATABASE_URL")
	_ = viper.BindEnv("tenant_redis", "TENANT_REDIS_URL") // expect: MOL102
}

func initConfig() {
	if cfgFile != "" {
		viper.SetConfigFile(cfgFile)
	} else {
		home, _ := os.UserHomeDir()
		viper.AddConfigPath(home)
		viper.SetConfigName(".fleetctl")
	}
	viper.SetEnvKeyReplacer(strings.NewReplacer("-", "_"))
	viper.AutomaticEnv()
	if err := viper.ReadInConfig(); err == nil {
		slog.Debug("using config", "file", viper.ConfigFileUsed())
	}
}

func openDB(ctx context.Context) (*sql.DB, error) {
	db, err := sql.Open("pgx", viper.GetString("db"))
	if err != nil {
		return nil, err
	}
	return db, db.PingContext(ctx)
}
