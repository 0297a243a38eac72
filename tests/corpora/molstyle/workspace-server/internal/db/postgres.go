package db

import (
	"database/sql"
	"fmt"
	"log"

	_ "github.com/lib/pq"
)

// DB is the tenant's one Postgres pool. There is exactly one org per host
// (org-per-EC2), so nothing here is keyed by org.
var DB *sql.DB

func InitPostgres(databaseURL string) error {
	var err error
	DB, err = sql.Open("postgres", databaseURL)
	if err != nil {
		return fmt.Errorf("open postgres: %w", err)
	}
	DB.SetMaxOpenConns(25)
	if err := DB.Ping(); err != nil {
		return fmt.Errorf("ping postgres: %w", err)
	}
	log.Println("Connected to Postgres")
	return nil
}
