// Package insights pulls product insights for the customer-success team.
package insights

import (
	"context"

	"github.com/acme/molecule/controlplane/internal/config"
	"github.com/machinebox/graphql"
)

const recentMemoriesQuery = `
query Recent($workspace: ID!) {
  memories(workspaceId: $workspace, last: 20) { id content createdAt }
}`

type Client struct {
	gql *graphql.Client
}

func New(cfg config.Config) *Client {
	return &Client{gql: graphql.NewClient(cfg.WorkspaceURL + "/graphql")}
}

type recentResp struct {
	Memories []struct {
		ID      string `json:"id"`
		Content string `json:"content"`
	} `json:"memories"`
}

// RecentMemories shows a CSM what a workspace stored lately.
func (c *Client) RecentMemories(ctx context.Context, workspaceID string) (int, error) {
	req := graphql.NewRequest(recentMemoriesQuery)
	req.Var("workspace", workspaceID)
	var resp recentResp
	if err := c.gql.Run(ctx, req, &resp); err != nil { // expect: MOL103
		return 0, err
	}
	return len(resp.Memories), nil
}
