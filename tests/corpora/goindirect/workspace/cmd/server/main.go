package main

import (
	"context"
	"flag"
	"log"
	"net/http"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/orbitlabs/orbit/workspace/internal/api"
	"github.com/orbitlabs/orbit/workspace/internal/config"
	"github.com/orbitlabs/orbit/workspace/internal/heartbeat"
)

var platformFlag = flag.String("platform", defaultPlatform, "control-plane base URL")

func main() {
	flag.Parse()
	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	hb := heartbeat.NewForPlatform()
	_ = hb.Push(ctx, "boot", 1)
	log.Printf("platform at %s", *platformFlag)
	log.Fatal(http.ListenAndServe(cfg.Listen, api.New(cfg, pool).Routes()))
}
