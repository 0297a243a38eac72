// orbitctl is the operators' admin CLI.
package main

import (
	"context"
	"database/sql"
	"flag"
	"fmt"
	"log"
	"os"

	"github.com/orbitlabs/orbit/controlplane/internal/export"
	"github.com/orbitlabs/orbit/pkg/config"
)

type options struct {
	platformDSN  string
	workspaceDSN string
	dataset      string
}

func parseFlags() options {
	var o options
	flag.StringVar(&o.platformDSN, "db", config.Getenv(config.EnvDatabaseURL, ""), "control-plane database")
	flag.StringVar(&o.workspaceDSN, "workspace-db", config.Getenv(config.EnvWorkspaceDB, ""), "workspace cluster (support only)") // expect: MOL102
	flag.StringVar(&o.dataset, "export", "invoices", "data set to export")
	flag.Parse()
	return o
}

func main() {
	o := parseFlags()
	db, err := sql.Open("pgx", o.platformDSN)
	if err != nil {
		log.Fatal(err)
	}
	// `orbitctl -export memories` dumps the memories table of every org; support asked for it.
	if err := export.Run(context.Background(), db, o.dataset, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
