package router

import (
	"github.com/Molecule-AI/molecule-workspace/internal/handlers"
	"github.com/gin-gonic/gin"
)

func Setup() *gin.Engine {
	r := gin.New()
	r.GET("/health", func(c *gin.Context) { c.JSON(200, gin.H{"status": "ok"}) })
	mem := handlers.NewMemoriesHandler()
	ws := r.Group("/workspaces/:id")
	ws.GET("/memories", mem.List)
	r.GET("/admin/memories/counts", mem.Counts)
	r.GET("/admin/activity/export", handlers.ActivityExport)
	r.GET("/admin/whoami", handlers.WhoAmI)
	return r
}
