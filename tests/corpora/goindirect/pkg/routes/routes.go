// Package routes holds the HTTP paths the services serve, as fmt patterns.
package routes

const (
	WorkspaceMemories = "/api/v1/workspaces/%s/memories"
	WorkspaceEvents   = "/api/v1/workspaces/%s/events"
	WorkspaceStatus   = "/api/v1/workspaces/%s/status"
	Healthz           = "/healthz"
	UsageReport       = "/v1/usage"
)
