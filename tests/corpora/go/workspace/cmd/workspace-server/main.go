package main

import (
	"context"
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/spf13/viper"

	"github.com/acme/molecule/workspace/admin"
	"github.com/acme/molecule/workspace/api"
	"github.com/acme/molecule/workspace/config"
	"github.com/acme/molecule/workspace/tenancy"
)

func main() {
	viper.SetConfigName("workspace")
	viper.AddConfigPath("/etc/molecule")
	viper.AutomaticEnv()
	viper.SetDefault("shared_host_dsn", "postgres://ws:ws@db:5432/org_%s")
	viper.SetDefault("status_webhook", "https://api.molecule.dev/v1/status") // expect: MOL301
	_ = viper.ReadInConfig()

	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("config: %v", err)
	}
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("db: %v", err)
	}
	h := api.NewHandler(cfg.OrgID, pool, tenancy.NewPools(viper.GetString("shared_host_dsn")))

	internal := gin.New()
	admin.Register(internal, pool, cfg.OrgID)
	go func() { log.Fatal(internal.Run(":9090")) }()

	log.Printf("workspace server for org %s on %s", cfg.OrgID, cfg.Listen)
	log.Fatal(http.ListenAndServe(cfg.Listen, h.Routes()))
}
