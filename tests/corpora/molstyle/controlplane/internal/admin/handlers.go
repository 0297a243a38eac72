// Package admin is the control plane's /cp/admin/* API (ops console).
package admin

import (
	"database/sql"
	"io"
	"log"
	"net/http"

	"github.com/Molecule-AI/molecule-controlplane/internal/cpdb"
	"github.com/Molecule-AI/molecule-controlplane/internal/tenantclient"
	"github.com/Molecule-AI/molecule-pkg/sqlutil"
	"github.com/gin-gonic/gin"
)

type Handler struct {
	store   *cpdb.Store
	support *sql.DB // the bastion's tenant connection, nil elsewhere
	token   string
	http    *http.Client
}

func NewHandler(store *cpdb.Store, support *sql.DB, token string) *Handler {
	return &Handler{store: store, support: support, token: token, http: &http.Client{}}
}

// Totals handles GET /cp/admin/totals.
func (h *Handler) Totals(c *gin.Context) {
	orgs, instances, records, err := h.store.Totals(c.Request.Context())
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "totals"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"orgs": orgs, "instances": instances, "dns_records": records})
}

// OrgMemories handles GET /cp/admin/orgs/:org/workspaces/:ws/memories.
func (h *Handler) OrgMemories(c *gin.Context) {
	ctx := c.Request.Context()
	org, err := h.store.InstanceForOrg(ctx, c.Param("org"))
	if err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "org not found"})
		return
	}
	body, err := tenantclient.New(org.PrivateIP, h.token).Memories(ctx, c.Param("ws"))
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	c.Data(http.StatusOK, "application/json", body)
}

// StreamActivity handles GET /cp/admin/orgs/:org/workspaces/:ws/activity by
// streaming the tenant's response through, so the console needs no VPC access.
func (h *Handler) StreamActivity(c *gin.Context) {
	ctx := c.Request.Context()
	org, err := h.store.InstanceForOrg(ctx, c.Param("org"))
	if err != nil {
		c.JSON(http.StatusNotFound, gin.H{"error": "org not found"})
		return
	}
	url := tenantclient.BaseURL(org.PrivateIP) + tenantclient.ActivityPath(c.Param("ws"))
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil) // expect: MOL103
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	resp, err := h.http.Do(req)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": err.Error()})
		return
	}
	defer resp.Body.Close()
	c.Status(resp.StatusCode)
	if _, err := io.Copy(c.Writer, resp.Body); err != nil {
		log.Printf("admin: activity stream for %s cut: %v", org.Slug, err)
	}
}

// WorkspaceExists handles GET /cp/admin/support/workspaces/:ws on the bastion.
func (h *Handler) WorkspaceExists(c *gin.Context) {
	ok, err := sqlutil.Exists(c.Request.Context(), h.support, supportTable, c.Param("ws")) // expect: MOL101
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"exists": ok})
}

// InstanceExists handles GET /cp/admin/instances/:id.
func (h *Handler) InstanceExists(c *gin.Context) {
	ok, err := sqlutil.Exists(c.Request.Context(), h.store.DB(), instancesTable, c.Param("id"))
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"exists": ok})
}
