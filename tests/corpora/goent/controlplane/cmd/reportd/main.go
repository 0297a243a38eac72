// reportd runs the nightly fleet reports.
package main

import (
	"context"
	"database/sql"
	"log"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/spf13/viper"
)

func main() {
	ctx := context.Background()
	audit, err := initializeAudit(ctx)
	if err != nil {
		log.Fatal(err)
	}
	overdue, err := audit.Overdue(ctx)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("overdue schedules: %d", overdue)

	v := viper.New()
	_ = v.BindEnv("archive.dsn", "WORKSPACE_DATABASE_URL") // expect: MOL102
	_ = v.BindEnv("ledger.dsn", "CONTROLPLANE_DATABASE_URL")
	archive, err := sql.Open("pgx", v.GetString("archive.dsn")) // expect: MOL102
	if err != nil {
		log.Fatal(err)
	}
	defer archive.Close()
	ledger, err := sql.Open("pgx", v.GetString("ledger.dsn"))
	if err != nil {
		log.Fatal(err)
	}
	defer ledger.Close()
}
