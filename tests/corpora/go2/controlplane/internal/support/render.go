// Package support holds the helpers behind the support team's admin pages.
package support

import (
	"strings"

	"github.com/lumenhq/fleet/pkg/schedview" // expect: MOL104
)

// Ticket is a support ticket with the schedule text a customer pasted.
type Ticket struct {
	ID   string
	Body string
}

// Summary is what the support page shows above a ticket.
func Summary(t Ticket) string {
	if strings.Contains(t.Body, "cron") {
		return "schedule question: " + t.ID + "\n" + schedview.Table(nil)
	}
	return t.ID
}
