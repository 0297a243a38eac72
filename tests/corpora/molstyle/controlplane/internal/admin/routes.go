package admin

import "github.com/gin-gonic/gin"

// Mount wires /cp/admin/*. The console sits behind the CP admin API key.
func Mount(r *gin.RouterGroup, h *Handler) {
	r.GET("/totals", h.Totals)
	r.GET("/orgs/:org/workspaces/:ws/memories", h.OrgMemories)
	r.GET("/orgs/:org/workspaces/:ws/activity", h.StreamActivity)
	r.GET("/support/workspaces/:ws", h.WorkspaceExists)
	r.GET("/instances/:id", h.InstanceExists)
}
