// Package routes is the runtime's HTTP surface, shared with its clients.
package routes

const (
	Memories  = "/orgs/{org}/memories"
	Activity  = "/orgs/{org}/activity"
	Schedules = "/orgs/%s/schedules"
	Health    = "/healthz"
	Version   = "/version"
)
