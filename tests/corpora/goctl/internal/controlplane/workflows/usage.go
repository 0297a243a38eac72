// Package workflows holds the control plane's Temporal workflows.
package workflows

import (
	"time"

	"go.temporal.io/sdk/workflow"
)

var a *Activities

func withTimeout(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
}

// FleetMemoryReport sums every org's memories for the monthly fleet report.
func FleetMemoryReport(ctx workflow.Context, orgIDs []string) (int64, error) {
	ctx = withTimeout(ctx)
	var total int64
	for _, org := range orgIDs { // expect: MOL202
		var n int64
		if err := workflow.ExecuteActivity(ctx, a.CountMemories, org).Get(ctx, &n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// FleetActivityReport fans out one future per org, then sums them.
func FleetActivityReport(ctx workflow.Context, orgIDs []string) (int64, error) {
	ctx = withTimeout(ctx)
	futures := make([]workflow.Future, 0, len(orgIDs))
	for _, org := range orgIDs { // expect: MOL202
		futures = append(futures, workflow.ExecuteActivity(ctx, a.CountActivity, org))
	}
	var total int64
	for _, f := range futures {
		var n int64
		if err := f.Get(ctx, &n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// MonthlyInvoices sums what the fleet billed; billing data is the platform's.
func MonthlyInvoices(ctx workflow.Context, orgIDs []string) (int64, error) {
	ctx = withTimeout(ctx)
	var total int64
	for _, org := range orgIDs {
		var n int64
		if err := workflow.ExecuteActivity(ctx, a.InvoiceTotal, org).Get(ctx, &n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// ProvisionOrg is the provisioning saga of one org.
func ProvisionOrg(ctx workflow.Context, orgID, fqdn string) error {
	ctx = withTimeout(ctx)
	return workflow.ExecuteActivity(ctx, a.ProvisionDNS, orgID, fqdn).Get(ctx, nil)
}
