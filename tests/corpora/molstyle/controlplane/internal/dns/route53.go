// Package dns maintains <slug>.moleculesai.app records for each org.
package dns

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/route53"
	"github.com/aws/aws-sdk-go-v2/service/route53/types"

	"github.com/Molecule-AI/molecule-controlplane/internal/cpdb"
)

type Manager struct {
	r53    *route53.Client
	zoneID string
	store  *cpdb.Store
}

func NewManager(r53 *route53.Client, zoneID string, store *cpdb.Store) *Manager {
	return &Manager{r53: r53, zoneID: zoneID, store: store}
}

func recordName(slug string) string {
	return fmt.Sprintf("%s.moleculesai.app", slug)
}

// Upsert points the org's hostname at its instance.
func (m *Manager) Upsert(ctx context.Context, slug, publicIP string) error {
	_, err := m.r53.ChangeResourceRecordSets(ctx, &route53.ChangeResourceRecordSetsInput{
		HostedZoneId: aws.String(m.zoneID),
		ChangeBatch: &types.ChangeBatch{Changes: []types.Change{{
			Action: types.ChangeActionUpsert,
			ResourceRecordSet: &types.ResourceRecordSet{
				Name:            aws.String(recordName(slug)),
				Type:            types.RRTypeA,
				TTL:             aws.Int64(60),
				ResourceRecords: []types.ResourceRecord{{Value: aws.String(publicIP)}},
			},
		}}},
	})
	return err
}
