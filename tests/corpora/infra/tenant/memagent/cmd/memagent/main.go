package main

import (
	"context"
	"flag"
	"log"
	"net/http"
	"os"

	"github.com/molecule/memagent/internal/config"
	"github.com/molecule/memagent/internal/httpapi"
	"github.com/molecule/memagent/internal/platform"
	"github.com/molecule/memagent/internal/store"
)

func main() {
	platformURL := flag.String("platform-url", "https://api.molecule.cloud", "control plane base URL") // expect: MOL301
	flag.Parse()

	cfg, err := config.Load()
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("memagent for org %s, platform %s", cfg.OrgID, *platformURL)
	ctx := context.Background()
	own, err := store.Open(ctx, cfg.DatabaseURL)
	if err != nil {
		log.Fatal(err)
	}
	_ = platform.New().ReportUsage(cfg.OrgID, 0)
	srv := httpapi.New(cfg, own, store.NewRegistry(cfg.DSNTemplate))
	log.Fatal(http.ListenAndServe(cfg.ListenAddr, srv.Routes([]byte(os.Getenv("JWT_KEY")))))
}
