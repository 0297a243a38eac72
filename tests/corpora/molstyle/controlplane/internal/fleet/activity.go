package fleet

import (
	"context"
	"encoding/json"

	"github.com/Molecule-AI/molecule-controlplane/internal/tenantclient"
)

// activityCount reads the size of a tenant's org-wide activity feed.
func activityCount(ctx context.Context, tc *tenantclient.Client, workspaceID string) (int, error) {
	body, err := tc.Fetch(ctx, tenantclient.ActivityPath(workspaceID)) // expect: MOL103
	if err != nil {
		return 0, err
	}
	var rows []json.RawMessage
	if err := json.Unmarshal(body, &rows); err != nil {
		return 0, err
	}
	return len(rows), nil
}
