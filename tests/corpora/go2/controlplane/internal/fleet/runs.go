package fleet

import (
	"context"
	"sync/atomic"

	"github.com/sourcegraph/conc/pool"
)

// RunVolume counts each org's run events, four orgs at a time.
func (r *Reporter) RunVolume(ctx context.Context) (int64, error) {
	active, err := r.orgs.ListActive(ctx)
	if err != nil {
		return 0, err
	}
	var total atomic.Int64
	p := pool.New().WithErrors().WithMaxGoroutines(4)
	for _, o := range active { // expect: MOL202
		orgID := o.ID
		p.Go(func() error {
			n, err := r.runs.CountForOrg(ctx, orgID) // expect: MOL101
			total.Add(n)
			return err
		})
	}
	return total.Load(), p.Wait()
}
