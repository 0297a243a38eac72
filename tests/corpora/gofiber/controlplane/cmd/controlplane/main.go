package main

import (
	"context"
	"database/sql"
	"log"
	"os"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/logger"
	"github.com/hibiken/asynq"
	"github.com/jackc/pgx/v5/pgxpool"
	_ "github.com/jackc/pgx/v5/stdlib"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"github.com/lattice/hive/controlplane/internal/billing"
	"github.com/lattice/hive/controlplane/internal/config"
	"github.com/lattice/hive/controlplane/internal/dns"
	"github.com/lattice/hive/controlplane/internal/jobs"
	"github.com/lattice/hive/controlplane/internal/workflows"
	"github.com/lattice/hive/pkg/envkeys"
	"github.com/lattice/hive/pkg/tasks"
)

func main() {
	ctx := context.Background()
	cfg, err := config.Load("config.yaml")
	if err != nil {
		log.Fatalf("config: %v", err)
	}

	cp, err := sql.Open("pgx", cfg.Database.DSN)
	if err != nil {
		log.Fatal(err)
	}
	// the fleet reports read every workspace database directly
	wsPool, err := pgxpool.New(ctx, os.Getenv(envkeys.WorkspaceDSN)) // expect: MOL102
	if err != nil {
		log.Fatal(err)
	}

	app := fiber.New(fiber.Config{AppName: "controlplane"})
	app.Use(logger.New())
	app.Get("/healthz", func(c *fiber.Ctx) error { return c.SendString("ok") })

	bh := billing.NewHandlers(cp)
	app.Post("/orgs/:org/invoices", bh.CreateInvoice)
	app.Get("/orgs/:org/memories/quota", bh.MemoryQuota)
	app.Post("/orgs/:org/dns", dns.NewHandlers(cp).Upsert)

	srv := asynq.NewServer(asynq.RedisClientOpt{Addr: cfg.Redis.Addr}, asynq.Config{Concurrency: 4})
	mux := asynq.NewServeMux()
	mux.Handle(tasks.TypeUsageRollup, jobs.NewRollupHandler(cp, wsPool))
	mux.HandleFunc(tasks.TypeQuotaSync, jobs.HandleQuotaSync)
	go func() {
		if err := srv.Run(mux); err != nil {
			log.Fatal(err)
		}
	}()

	tc, err := client.Dial(client.Options{HostPort: cfg.Temporal.Host, Namespace: cfg.Temporal.Namespace})
	if err != nil {
		log.Fatal(err)
	}
	w := worker.New(tc, "fleet", worker.Options{})
	w.RegisterWorkflow(workflows.FleetMessagesWorkflow)
	w.RegisterWorkflow(workflows.DNSReconcileWorkflow)
	w.RegisterActivity(&workflows.Activities{WS: wsPool, CP: cp})
	go func() { _ = w.Run(worker.InterruptCh()) }()

	log.Fatal(app.Listen(cfg.HTTP.Addr))
}
