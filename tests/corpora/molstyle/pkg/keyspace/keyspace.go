// Package keyspace names every Redis key prefix the stack uses, so the
// tenant and the control plane never collide on a shared dev Redis.
package keyspace

const (
	// Tenant keys (workspace-server).
	WorkspacePrefix = "ws:"
	// Control plane keys.
	CPLockPrefix  = "cp:lock:"
	CPQuotaPrefix = "cp:quota:"
)

// WorkspacePattern matches every workspace liveness key.
func WorkspacePattern() string {
	return WorkspacePrefix + "*"
}

// CPLock names a control-plane advisory lock.
func CPLock(name string) string {
	return CPLockPrefix + name
}
