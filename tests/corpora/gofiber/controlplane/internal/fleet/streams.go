package fleet

import (
	"context"

	"github.com/redis/go-redis/v9"

	"github.com/lattice/hive/pkg/rediskeys"
)

// StreamStats reads the workspace activity lists straight from Redis.
type StreamStats struct {
	rdb *redis.Client
}

func NewStreamStats(addr string) *StreamStats {
	return &StreamStats{rdb: redis.NewClient(&redis.Options{Addr: addr})}
}

func (s *StreamStats) ActiveOrgs(ctx context.Context) ([]string, error) {
	return s.rdb.Keys(ctx, rediskeys.AllActivityStreams).Result() // expect: MOL102
}

func (s *StreamStats) Backlog(ctx context.Context, org string) (int64, error) {
	return s.rdb.LLen(ctx, rediskeys.ActivityStream(org)).Result() // expect: MOL102
}

// DNSPending is the platform's own queue of DNS changes.
func (s *StreamStats) DNSPending(ctx context.Context, org string) (int64, error) {
	return s.rdb.LLen(ctx, "cp:dns:pending:"+org).Result()
}
