// Package http is the control plane's admin API (echo).
package http

import (
	"fmt"
	"io"
	"net/http"

	"github.com/go-resty/resty/v2"
	"github.com/labstack/echo/v4"
	"github.com/nimbus/fleet/controlplane/internal/config"
	"github.com/nimbus/fleet/pkg/routes"
)

type Admin struct {
	workspaceURL string
	ws           *resty.Client
}

func NewAdmin(cfg config.Config) *Admin {
	return &Admin{
		workspaceURL: cfg.Fleet.ServerURL,
		ws:           resty.New().SetBaseURL(cfg.Fleet.ServerURL),
	}
}

func (a *Admin) Register(e *echo.Echo) {
	g := e.Group("/admin")
	g.GET("/workspaces/:ws/memories", a.memories)
	g.GET("/workspaces/:ws/activity", a.activity)
	g.GET("/workspaces/:ws/status", a.status)
	g.GET("/workspaces/:ws/ping", a.ping)
}

// memories lets support staff read a customer's memories.
func (a *Admin) memories(c echo.Context) error {
	url := fmt.Sprintf("%s/api/v1/workspaces/%s/memories", a.workspaceURL, c.Param("ws"))
	resp, err := http.Get(url) // expect: MOL103
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return c.Blob(resp.StatusCode, "application/json", body)
}

func (a *Admin) activity(c echo.Context) error {
	resp, err := a.ws.R().SetContext(c.Request().Context()).Get(fmt.Sprintf(routes.WorkspaceActivity, c.Param("ws"))) // expect: MOL103
	if err != nil {
		return err
	}
	return c.Blob(resp.StatusCode(), "application/json", resp.Body())
}

func (a *Admin) status(c echo.Context) error {
	resp, err := a.ws.R().SetContext(c.Request().Context()).Get(fmt.Sprintf(routes.WorkspaceStatus, c.Param("ws")))
	if err != nil {
		return err
	}
	return c.Blob(resp.StatusCode(), "application/json", resp.Body())
}

func (a *Admin) ping(c echo.Context) error {
	resp, err := http.Get(a.workspaceURL + "/healthz")
	if err != nil {
		return c.NoContent(http.StatusBadGateway)
	}
	resp.Body.Close()
	return c.NoContent(resp.StatusCode)
}
