package main

import (
	"log"
	"os"

	"github.com/Molecule-AI/molecule-workspace/internal/db"
	"github.com/Molecule-AI/molecule-workspace/internal/router"
)

func main() {
	databaseURL := envOr("DATABASE_URL", "postgres://dev:dev@localhost:5432/molecule?sslmode=disable")
	if err := db.InitPostgres(databaseURL); err != nil {
		log.Fatalf("postgres: %v", err)
	}
	if err := db.InitRedis(envOr("REDIS_URL", "redis://localhost:6379")); err != nil {
		log.Fatalf("redis: %v", err)
	}
	port := envOr("PORT", "8080")
	if err := router.Setup().Run(":" + port); err != nil {
		log.Fatal(err)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
