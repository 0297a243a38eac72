// Package tasks declares the asynq task types and payloads both services enqueue.
package tasks

import (
	"encoding/json"

	"github.com/hibiken/asynq"
)

const (
	TypeUsageRollup  = "billing:usage-rollup"
	TypeQuotaSync    = "ws:quota-sync"
	TypeMemoryPurge  = "memory:purge"
)

// UsageRollupPayload lists the orgs one rollup run covers.
type UsageRollupPayload struct {
	OrgIDs []string `json:"org_ids"`
	Period string   `json:"period"`
}

// MemoryPurgePayload asks a workspace to drop memories older than Days.
type MemoryPurgePayload struct {
	OrgID string `json:"org_id"`
	Days  int    `json:"days"`
}

func NewUsageRollup(orgIDs []string, period string) (*asynq.Task, error) {
	payload, err := json.Marshal(UsageRollupPayload{OrgIDs: orgIDs, Period: period})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeUsageRollup, payload), nil
}

func NewQuotaSync(orgID string) (*asynq.Task, error) {
	payload, err := json.Marshal(map[string]string{"org_id": orgID})
	if err != nil {
		return nil, err
	}
	return asynq.NewTask(TypeQuotaSync, payload, asynq.MaxRetry(3)), nil
}
