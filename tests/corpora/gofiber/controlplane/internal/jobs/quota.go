package jobs

import (
	"context"
	"encoding/json"
	"log"

	"github.com/hibiken/asynq"
)

// HandleQuotaSync handles "ws:quota-sync": the task type is an asynq name, not a workspace Redis key.
func HandleQuotaSync(ctx context.Context, t *asynq.Task) error {
	var p map[string]string
	if err := json.Unmarshal(t.Payload(), &p); err != nil {
		return err
	}
	log.Printf("quota sync for org %s (memories quota)", p["org_id"])
	return nil
}
