package workflows

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/gomodule/redigo/redis"

	"github.com/moleculeai/fleet/internal/controlplane/tenantapi"
	"github.com/moleculeai/fleet/pkg/keys"
	"github.com/moleculeai/fleet/pkg/schema"
)

// Activities is registered once on the worker; its fields are the worker's shared clients.
type Activities struct {
	DB      *sql.DB
	Redis   *redis.Pool
	Tenants *tenantapi.Client
}

const countMemoriesSQL = "SELECT count(*) FROM " + schema.TableMemories + " WHERE org_id = $1"

// CountMemories returns how many memories an org holds.
func (a *Activities) CountMemories(ctx context.Context, orgID string) (int64, error) {
	var n int64
	err := a.DB.QueryRowContext(ctx, countMemoriesSQL, orgID).Scan(&n) // expect: MOL101
	return n, err
}

// CountActivity asks the workspace-server how many activity rows an org wrote.
func (a *Activities) CountActivity(ctx context.Context, orgID string) (int64, error) {
	return a.Tenants.ActivityCount(ctx, orgID)
}

// CachedMemory reads one memory out of the tenant's Redis cache.
func (a *Activities) CachedMemory(ctx context.Context, orgID, id string) (string, error) {
	conn := a.Redis.Get()
	defer conn.Close()
	return redis.String(conn.Do("GET", keys.Memory(orgID, id))) // expect: MOL102
}

// InvoiceTotal reads the platform's own billing cache.
func (a *Activities) InvoiceTotal(ctx context.Context, orgID string) (int64, error) {
	conn := a.Redis.Get()
	defer conn.Close()
	return redis.Int64(conn.Do("HGET", keys.Invoice(orgID), "total"))
}

// ProvisionDNS creates an org's DNS record.
func (a *Activities) ProvisionDNS(ctx context.Context, orgID, fqdn string) error {
	_, err := a.DB.ExecContext(ctx, fmt.Sprintf("INSERT INTO %s (org_id, fqdn, target) VALUES ($1, $2, $3)", schema.TableDNSRecords), orgID, fqdn, "lb.fleet.internal")
	return err
}
