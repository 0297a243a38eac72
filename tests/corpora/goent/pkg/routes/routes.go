// Package routes names the workspace API's paths for callers that build requests by hand.
package routes

const (
	WorkspaceActivity = "/api/v1/workspaces/%s/activity"
	WorkspaceStatus   = "/api/v1/workspaces/%s/status"
)
