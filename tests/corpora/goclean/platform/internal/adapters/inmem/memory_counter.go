// Package inmem has in-memory adapters for tests and local runs.
package inmem

import (
	"context"
	"sync"
)

// MemoryCounter keeps counts in a map; it never talks to agent_memories.
type MemoryCounter struct {
	mu     sync.Mutex
	counts map[string]int64
}

func NewMemoryCounter() *MemoryCounter { return &MemoryCounter{counts: map[string]int64{}} }

func (m *MemoryCounter) CountMemories(_ context.Context, orgID string) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.counts[orgID], nil
}
