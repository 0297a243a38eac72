// fleetctl is the ops team's one-shot CLI.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"

	_ "github.com/jackc/pgx/v5/stdlib"
	"github.com/jmoiron/sqlx"

	"github.com/acme/molecule/controlplane/internal/fleet"
)

func main() {
	platformDSN := flag.String("db", os.Getenv("DATABASE_URL"), "control-plane database")
	tenantDSN := flag.String("tenant-db", os.Getenv("TENANT_DATABASE_URL"), "a tenant database, for `fleetctl activity`") // expect: MOL102
	flag.Parse()

	ctx := context.Background()
	platform := sqlx.MustConnect("pgx", *platformDSN)
	switch flag.Arg(0) {
	case "seats":
		fmt.Println(fleet.SeatsByOrg(ctx, platform, flag.Args()[1:], 4))
	case "activity":
		tenants, err := sqlx.Connect("pgx", *tenantDSN) // expect: MOL102
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(fleet.ActivityTotal(ctx, tenants, nil))
	default:
		log.Fatalf("usage: fleetctl seats|activity")
	}
}
