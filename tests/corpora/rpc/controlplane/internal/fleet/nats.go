package fleet

import (
	"encoding/json"
	"log/slog"
	"strconv"
	"time"

	"github.com/acme/molecule/pkg/subjects"
	"github.com/nats-io/nats.go"
)

// Bus talks to tenants over the shared NATS cluster.
type Bus struct {
	nc *nats.Conn
}

func NewBus(url string) (*Bus, error) {
	nc, err := nats.Connect(url)
	if err != nil {
		return nil, err
	}
	return &Bus{nc: nc}, nil
}

// MemoryCounts asks each org's memory plugin how many memories it holds.
func (b *Bus) MemoryCounts(orgIDs []string) map[string]int {
	counts := make(map[string]int, len(orgIDs))
	for _, id := range orgIDs { // expect: MOL202
		msg, err := b.nc.Request(subjects.MemoryCount(id), nil, time.Second) // expect: MOL103
		if err != nil {
			slog.Warn("memories.count timed out", "org", id)
			continue
		}
		n, _ := strconv.Atoi(string(msg.Data))
		counts[id] = n
	}
	return counts
}

// Versions collects the build version each tenant reports on its heartbeat subject.
func (b *Bus) Versions(orgIDs []string) map[string]string {
	versions := make(map[string]string, len(orgIDs))
	for _, id := range orgIDs {
		msg, err := b.nc.Request(subjects.Heartbeat(id), nil, time.Second)
		if err != nil {
			continue
		}
		versions[id] = string(msg.Data)
	}
	return versions
}

// InvoiceCreated announces a new invoice (the platform's own subject).
func (b *Bus) InvoiceCreated(orgID string, cents int64) error {
	body, _ := json.Marshal(map[string]any{"org_id": orgID, "amount_cents": cents})
	return b.nc.Publish(subjects.InvoiceCreated, body)
}
