// Package routes holds the workspace API paths shared by the server and its clients.
package routes

const (
	Healthz      = "/healthz"
	OrgMemories  = "/orgs/{org}/memories"
	OrgActivity  = "/orgs/{org}/activity"
	OrgMessages  = "/orgs/{org}/messages"
	OrgQuota     = "/orgs/{org}/quota"
)
