package admin

const (
	// supportTable is what the bastion checks a workspace id against.
	supportTable   = "workspaces"
	instancesTable = "org_instances"
)
