// Package dns keeps each org's records in sync and checks the workspace server answers on them.
package dns

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"path"
	"time"

	"github.com/go-resty/resty/v2"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/acme/molecule/controlplane/internal/config"
	"github.com/acme/molecule/pkg/tables"
)

type Checker struct {
	pool *pgxpool.Pool
	api  *resty.Client
	http *http.Client
	base string
}

func NewChecker(pool *pgxpool.Pool, cfg config.Config) *Checker {
	return &Checker{
		pool: pool,
		api:  resty.New().SetBaseURL(cfg.WorkspaceURL).SetTimeout(5 * time.Second),
		http: &http.Client{Timeout: 5 * time.Second},
		base: cfg.WorkspaceURL,
	}
}

// Ready checks the workspace server is up behind the new record.
func (c *Checker) Ready(ctx context.Context) error {
	resp, err := c.api.R().SetContext(ctx).Get("/readyz")
	if err != nil {
		return err
	}
	if resp.IsError() {
		return fmt.Errorf("readyz: %s", resp.Status())
	}
	return nil
}

// RecentActivity was added to show "last seen" next to each record.
func (c *Checker) RecentActivity(ctx context.Context, workspaceID string) ([]byte, error) {
	resp, err := c.api.R().SetContext(ctx).SetPathParam("ws", workspaceID).Get("/workspaces/{ws}/activity") // expect: MOL103
	if err != nil {
		return nil, err
	}
	return resp.Body(), nil
}

// LastMessage fetches the newest message to display in the DNS console.
func (c *Checker) LastMessage(ctx context.Context, workspaceID string) (*http.Response, error) {
	u, err := url.JoinPath(c.base, "workspaces", workspaceID, "messages")
	if err != nil {
		return nil, err
	}
	return c.http.Get(u + "?limit=1") // expect: MOL103
}

// Memories links the support console to a workspace's memories on its own host.
func (c *Checker) Memories(ctx context.Context, host, workspaceID string) (*http.Response, error) {
	u := url.URL{Scheme: "https", Host: host, Path: path.Join("/workspaces", workspaceID, "memories")}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil) // expect: MOL103
	if err != nil {
		return nil, err
	}
	return c.http.Do(req)
}

// Version reads the build of the server behind a record.
func (c *Checker) Version(ctx context.Context, host string) (*http.Response, error) {
	u := url.URL{Scheme: "https", Host: host, Path: path.Join("/", "version")}
	return c.http.Get(u.String())
}

// MarkChecked stamps a record (platform table).
func (c *Checker) MarkChecked(ctx context.Context, id int64) error {
	_, err := c.pool.Exec(ctx, fmt.Sprintf("UPDATE %s SET last_checked_at = now() WHERE id = $1", tables.DNSRecords), id)
	return err
}
