// Package rediskeys builds Redis keys; the prefix says whose Redis the key lives in.
package rediskeys

import "fmt"

const workspacePrefix = "ws"

// Session is the key of an agent session in the workspace's Redis.
func Session(workspaceID string) string {
	return fmt.Sprintf("%s:%s:session", workspacePrefix, workspaceID)
}

// BillingLock is the key of a billing run lock in the control plane's Redis.
func BillingLock(orgID string) string {
	return "billing:lock:" + orgID
}
