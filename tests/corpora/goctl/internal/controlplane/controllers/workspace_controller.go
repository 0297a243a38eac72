// Package controllers reconciles Workspace custom resources of the fleet cluster.
package controllers

import (
	"context"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	ctrl "sigs.k8s.io/controller-runtime"
	"sigs.k8s.io/controller-runtime/pkg/client"
	"sigs.k8s.io/controller-runtime/pkg/log"

	fleetv1 "github.com/moleculeai/fleet/internal/controlplane/api/v1"
	"github.com/moleculeai/fleet/internal/controlplane/tenantapi"
)

// WorkspaceReconciler keeps a Workspace's status in line with its org's host.
type WorkspaceReconciler struct {
	client.Client
	Scheme  *runtime.Scheme
	Tenants *tenantapi.Client
}

func (r *WorkspaceReconciler) Reconcile(ctx context.Context, req ctrl.Request) (ctrl.Result, error) {
	logger := log.FromContext(ctx)
	var ws fleetv1.Workspace
	if err := r.Get(ctx, req.NamespacedName, &ws); err != nil {
		return ctrl.Result{}, client.IgnoreNotFound(err)
	}
	if !r.Tenants.Healthy(ctx, ws.Spec.OrgID) {
		logger.Info("workspace not ready yet", "org", ws.Spec.OrgID)
		return ctrl.Result{RequeueAfter: 15 * time.Second}, nil
	}
	schedules, err := r.Tenants.Schedules(ctx, ws.Spec.OrgID)
	if err != nil {
		return ctrl.Result{}, err
	}
	ws.Status.Ready = true
	ws.Status.Schedules = len(schedules)
	return ctrl.Result{}, r.Status().Update(ctx, &ws)
}

func (r *WorkspaceReconciler) SetupWithManager(mgr ctrl.Manager) error {
	return ctrl.NewControllerManagedBy(mgr).For(&fleetv1.Workspace{}).Complete(r)
}
