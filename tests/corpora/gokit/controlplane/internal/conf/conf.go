// Package conf mirrors configs/config.yaml.
package conf

type Bootstrap struct {
	Server    *Server    `json:"server"`
	Data      *Data      `json:"data"`
	Upstreams *Upstreams `json:"upstreams"`
}

type Server struct {
	Addr string `json:"addr"`
}

type Data struct {
	Database       *Data_Database `json:"database"`
	ReportReplica  *Data_Database `json:"report_replica"`
	Redis          *Data_Redis    `json:"redis"`
	WorkspaceCache *Data_Redis    `json:"workspace_cache"`
}

type Data_Database struct {
	Driver string `json:"driver"`
	Source string `json:"source"`
}

type Data_Redis struct {
	Addr string `json:"addr"`
}

type Upstreams struct {
	Workspace string `json:"workspace"`
}
