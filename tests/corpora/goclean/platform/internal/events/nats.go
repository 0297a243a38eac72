// Package events publishes control-plane events and asks org hosts questions over NATS.
package events

import (
	"context"
	"encoding/json"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"github.com/acme/lattice/libs/subjects"
)

type Bus struct {
	nc *nats.Conn
	js jetstream.JetStream
}

func NewBus(nc *nats.Conn) (*Bus, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	return &Bus{nc: nc, js: js}, nil
}

// Provisioned announces a new org host.
func (b *Bus) Provisioned(ctx context.Context, orgID string) error {
	data, _ := json.Marshal(map[string]string{"org_id": orgID})
	_, err := b.js.Publish(ctx, subjects.Provisioned(orgID), data)
	return err
}

// MemoryDigest asks an org host for its memory digest (support tooling).
func (b *Bus) MemoryDigest(orgID string) ([]byte, error) {
	msg, err := b.nc.Request(subjects.Memories(orgID, "digest"), nil, 2*time.Second) // expect: MOL103
	if err != nil {
		return nil, err
	}
	return msg.Data, nil
}
