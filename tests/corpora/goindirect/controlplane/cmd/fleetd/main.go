// fleetd runs the control plane's background workers: billing, fleet reports, retention.
package main

import (
	"context"
	"log"
	"os"
	"time"

	"github.com/orbitlabs/orbit/controlplane/internal/billing"
	"github.com/orbitlabs/orbit/controlplane/internal/fleet"
	"github.com/orbitlabs/orbit/controlplane/internal/reports"
	"github.com/orbitlabs/orbit/controlplane/internal/settings"
	"github.com/orbitlabs/orbit/controlplane/internal/storage"
	"github.com/orbitlabs/orbit/pkg/pgstore" // expect: MOL104
	"github.com/orbitlabs/orbit/pkg/wsclient"
)

func main() {
	ctx := context.Background()
	s, err := settings.Load()
	if err != nil {
		log.Fatal(err)
	}
	pool, err := storage.Platform(ctx, s)
	if err != nil {
		log.Fatal(err)
	}
	legacy, err := storage.Legacy()
	if err != nil {
		log.Fatal(err)
	}

	var src reports.Source = pgstore.New(legacy)
	weekly := reports.NewWeekly(src, os.Stdout)

	collector := fleet.NewCollector(pool, wsclient.WithTimeout(5*time.Second))
	usage := billing.NewUsage(legacy)
	retention := billing.NewRetentionJob(legacy)

	for range time.Tick(s.Interval) {
		if err := weekly.Write(ctx); err != nil {
			log.Printf("weekly report: %v", err)
		}
		if totals, err := collector.MemoriesPerOrg(ctx); err == nil {
			log.Printf("memories per org: %v", totals)
		}
		if n, err := usage.ActivityThisMonth(ctx); err == nil {
			log.Printf("activity this month: %d", n)
		}
		if _, err := retention.Run(ctx); err != nil {
			log.Printf("retention: %v", err)
		}
		up, _ := fleet.Up(ctx, pool)
		log.Printf("workspace servers up: %d", len(up))
	}
}
