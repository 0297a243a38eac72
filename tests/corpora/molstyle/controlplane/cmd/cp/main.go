package main

import (
	"database/sql"
	"log"

	"github.com/Molecule-AI/molecule-controlplane/internal/admin"
	"github.com/Molecule-AI/molecule-controlplane/internal/billing"
	"github.com/Molecule-AI/molecule-controlplane/internal/config"
	"github.com/Molecule-AI/molecule-controlplane/internal/cpdb"
	"github.com/Molecule-AI/molecule-controlplane/internal/fleet"
	"github.com/gin-gonic/gin"
	_ "github.com/lib/pq"
)

func main() {
	cfg := config.Load()
	store, err := cpdb.Open(cfg.DatabaseURL)
	if err != nil {
		log.Fatalf("cp postgres: %v", err)
	}
	var analytics, support *sql.DB
	if cfg.AnalyticsURL != "" {
		analytics, _ = sql.Open("postgres", cfg.AnalyticsURL)
	}
	if cfg.SupportDSN != "" {
		support, _ = sql.Open("postgres", cfg.SupportDSN) // expect: MOL102
	}
	_ = billing.NewMeterer(store, analytics)
	_ = fleet.NewReporter(store, cfg.TenantAdminToken, cfg.Workers)
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(200, gin.H{"status": "ok"}) })
	admin.Mount(r.Group("/cp/admin"), admin.NewHandler(store, support, cfg.TenantAdminToken))
	if err := r.Run(":8090"); err != nil {
		log.Fatal(err)
	}
}
