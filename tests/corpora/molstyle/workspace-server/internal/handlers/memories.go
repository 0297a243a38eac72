package handlers

import (
	"log"
	"net/http"

	"github.com/Molecule-AI/molecule-workspace/internal/db"
	"github.com/Molecule-AI/molecule-workspace/internal/orgctx"
	"github.com/Molecule-AI/molecule-workspace/pkg/wsstore"
	"github.com/gin-gonic/gin"
)

// MemoriesHandler serves GET /workspaces/:id/memories.
type MemoriesHandler struct {
	store *wsstore.MemoryStore
}

func NewMemoriesHandler() *MemoriesHandler {
	return &MemoriesHandler{store: wsstore.NewMemoryStore(db.DB)}
}

// List returns the workspace's memories.
func (h *MemoriesHandler) List(c *gin.Context) {
	workspaceID := c.Param("id")
	if err := orgctx.UseOwnSchema(db.DB); err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "schema"})
		return
	}
	rows, err := h.store.ListForWorkspace(c.Request.Context(), workspaceID)
	if err != nil {
		log.Printf("List memories for %s: %v", workspaceID, err)
		c.JSON(http.StatusInternalServerError, gin.H{"error": "failed to list memories"})
		return
	}
	c.JSON(http.StatusOK, rows)
}

// Counts backs the canvas' memory panel: this org's workspaces only.
func (h *MemoriesHandler) Counts(c *gin.Context) {
	counts, err := h.store.CountByWorkspace(c.Request.Context())
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "failed to count memories"})
		return
	}
	c.JSON(http.StatusOK, counts)
}
