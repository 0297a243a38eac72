// Package admin is the support console's API (gin), mounted on the internal port.
package admin

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Admin struct {
	pool  *pgxpool.Pool
	orgID string
}

func Register(r *gin.Engine, pool *pgxpool.Pool, orgID string) {
	a := &Admin{pool: pool, orgID: orgID}
	g := r.Group("/admin")
	g.GET("/ping", func(c *gin.Context) { c.String(http.StatusOK, "pong") })
	g.POST("/reindex", a.reindex)
	g.GET("/schema", a.schema)
}

func orgSchema(orgID string) string {
	return fmt.Sprintf("SET search_path TO org_%s, public", orgID)
}

// reindex switches to the schema of the org named in the support ticket header.
func (a *Admin) reindex(c *gin.Context) {
	org := c.GetHeader("X-Org-ID")
	if _, err := a.pool.Exec(c.Request.Context(), orgSchema(org)); err != nil { // expect: MOL302
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.Status(http.StatusAccepted)
}

// schema shows this host's own org schema.
func (a *Admin) schema(c *gin.Context) {
	if _, err := a.pool.Exec(c.Request.Context(), orgSchema(a.orgID)); err != nil {
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": err.Error()})
		return
	}
	c.JSON(http.StatusOK, gin.H{"org_id": a.orgID})
}
