// Package workflows holds the control plane's Temporal workflows.
package workflows

import (
	"time"

	"go.temporal.io/sdk/workflow"
)

func withDefaults(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: time.Minute})
}

// FleetMessagesWorkflow counts every org's messages for the monthly investor metrics.
func FleetMessagesWorkflow(ctx workflow.Context) (int64, error) {
	ctx = withDefaults(ctx)
	var a *Activities
	var orgs []string
	if err := workflow.ExecuteActivity(ctx, a.ListOrgs).Get(ctx, &orgs); err != nil {
		return 0, err
	}
	var total int64
	for _, org := range orgs { // expect: MOL202
		var n int64
		if err := workflow.ExecuteActivity(ctx, a.CountMessages, org).Get(ctx, &n); err != nil {
			return 0, err
		}
		total += n
	}
	return total, nil
}

// DNSReconcileWorkflow repoints every org's records; platform data only.
func DNSReconcileWorkflow(ctx workflow.Context) error {
	ctx = withDefaults(ctx)
	var a *Activities
	var orgs []string
	if err := workflow.ExecuteActivity(ctx, a.ListOrgs).Get(ctx, &orgs); err != nil {
		return err
	}
	for _, org := range orgs {
		if err := workflow.ExecuteActivity(ctx, a.ReconcileDNS, org).Get(ctx, nil); err != nil {
			return err
		}
	}
	return nil
}
