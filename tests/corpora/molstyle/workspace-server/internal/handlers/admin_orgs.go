package handlers

import (
	"log"
	"net/http"

	"github.com/Molecule-AI/molecule-workspace/internal/db"
	"github.com/Molecule-AI/molecule-workspace/internal/orgctx"
	"github.com/gin-gonic/gin"
)

// orgHeader is how the canvas BFF forwards the org it thinks it is serving.
const orgHeader = "X-Molecule-Org-Id"

// requestOrg is the org the caller claims.
func requestOrg(c *gin.Context) string {
	return c.GetHeader(orgHeader)
}

// ActivityExport handles GET /admin/activity/export — the support bundle.
// It honours the org the BFF forwards so one BFF can front several hosts.
func ActivityExport(c *gin.Context) {
	org := requestOrg(c)
	log.Printf("activity export requested for org %s", org)
	if err := orgctx.UseOrgSchema(db.DB, org); err != nil { // expect: MOL302
		c.JSON(http.StatusBadRequest, gin.H{"error": "unknown org"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"ok": true})
}

// WhoAmI echoes the forwarded org next to this host's own (debug aid).
func WhoAmI(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"forwarded": requestOrg(c), "org": orgctx.OrgID()})
}
