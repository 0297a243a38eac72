// Package schedview renders agent schedules for humans (CLI tables, support tools).
package schedview

import (
	"fmt"
	"strings"

	"github.com/lumenhq/fleet/workspace/models"
)

func Table(rows []*models.AgentSchedule) string {
	var b strings.Builder
	for _, r := range rows {
		fmt.Fprintf(&b, "%-24s %-16s %s\n", r.WorkspaceID, r.Cron, r.NextRunAt.Format("2006-01-02 15:04"))
	}
	return b.String()
}
