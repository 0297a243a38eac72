// Package rediskeys builds the Redis keys of the workspace cache.
package rediskeys

import "fmt"

const prefix = "ws"

// RecentMemories is the list of a workspace's latest memory ids.
func RecentMemories(workspaceID string) string {
	return fmt.Sprintf("%s:mem:%s:recent", prefix, workspaceID)
}

// ActivityStream is the capped activity list of an org.
func ActivityStream(orgID string) string {
	return prefix + ":activity:" + orgID
}

// AllActivityStreams matches every org's activity list.
const AllActivityStreams = prefix + ":activity:*"
