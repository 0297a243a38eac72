// Package wsclient is the resty client of the workspace API.
package wsclient

import (
	"context"
	"time"

	"github.com/go-resty/resty/v2"

	"github.com/lattice/hive/pkg/routes"
)

type Client struct {
	http *resty.Client
}

type Memory struct {
	ID      string `json:"id"`
	Content string `json:"content"`
}

type Activity struct {
	Kind string `json:"kind"`
	At   string `json:"at"`
}

func New(baseURL string) *Client {
	return &Client{http: resty.New().SetBaseURL(baseURL).SetTimeout(10 * time.Second).SetRetryCount(2)}
}

func (c *Client) Memories(ctx context.Context, org string) ([]Memory, error) {
	var out []Memory
	_, err := c.http.R().SetContext(ctx).SetPathParam("org", org).SetResult(&out).Get(routes.OrgMemories)
	return out, err
}

func (c *Client) Activity(ctx context.Context, org string) ([]Activity, error) {
	var out []Activity
	_, err := c.http.R().SetContext(ctx).SetPathParams(map[string]string{"org": org}).SetResult(&out).Get(routes.OrgActivity)
	return out, err
}

func (c *Client) Healthy(ctx context.Context) bool {
	resp, err := c.http.R().SetContext(ctx).Get(routes.Healthz)
	return err == nil && resp.IsSuccess()
}
