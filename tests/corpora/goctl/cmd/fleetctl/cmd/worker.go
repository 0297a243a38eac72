package cmd

import (
	"database/sql"
	"os"

	"github.com/gomodule/redigo/redis"
	"github.com/spf13/cobra"
	"github.com/spf13/viper"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/moleculeai/fleet/internal/controlplane/tenantapi"
	"github.com/moleculeai/fleet/internal/controlplane/workflows"
)

// tenantDSN is the read replica of the workspace databases the reports run on.
func tenantDSN() string {
	return os.Getenv(tenantDSNEnv) // expect: MOL102
}

var workerCmd = &cobra.Command{
	Use:   "worker",
	Short: "Run the Temporal worker of the control plane",
	RunE: func(cmd *cobra.Command, args []string) error {
		c, err := client.Dial(client.Options{HostPort: viper.GetString("temporal.host_port")})
		if err != nil {
			return err
		}
		defer c.Close()
		db, err := sql.Open("pgx", tenantDSN()) // expect: MOL102
		if err != nil {
			return err
		}
		pool := &redis.Pool{Dial: func() (redis.Conn, error) { return redis.DialURL(viper.GetString("redis.url")) }}
		w := worker.New(c, "fleet", worker.Options{})
		w.RegisterWorkflow(workflows.FleetMemoryReport)
		w.RegisterWorkflow(workflows.FleetActivityReport)
		w.RegisterWorkflow(workflows.MonthlyInvoices)
		w.RegisterWorkflow(workflows.ProvisionOrg)
		w.RegisterActivity(&workflows.Activities{DB: db, Redis: pool, Tenants: tenantapi.New()})
		return w.Run(worker.InterruptCh())
	},
}

func init() {
	rootCmd.AddCommand(workerCmd)
}
