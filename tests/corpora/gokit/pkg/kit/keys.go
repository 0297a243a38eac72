package kit

import "fmt"

// Redis key layout of the workspace service.
const memoryKeyPrefix = "wsmem"

func MemoryCacheKey(orgID, agentID string) string {
	return fmt.Sprintf("%s:%s:%s", memoryKeyPrefix, orgID, agentID)
}

func MemoryCachePattern(orgID string) string {
	return MemoryCacheKey(orgID, "*")
}

// RateLimitKey is the control plane's own limiter bucket.
func RateLimitKey(orgID string) string {
	return "cp:ratelimit:" + orgID
}
