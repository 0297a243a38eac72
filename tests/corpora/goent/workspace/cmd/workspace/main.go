package main

import (
	"log"
	"net/http"

	"github.com/go-chi/chi/v5"
	wshttp "github.com/nimbus/fleet/workspace/internal/adapters/http"
	"github.com/nimbus/fleet/workspace/internal/config"
)

func main() {
	cfg, err := config.Load()
	if err != nil {
		log.Fatalf("config: %v", err)
	}
	r := chi.NewRouter()
	r.Use(wshttp.RequireOwnOrg)
	(&wshttp.ExportHandler{}).Routes(r)
	log.Fatal(http.ListenAndServe(cfg.ListenAddr, r))
}
