// Package conf mirrors configs/config.yaml (kratos config, protobuf-shaped structs).
package conf

type Bootstrap struct {
	Server *Server `json:"server"`
	Data   *Data   `json:"data"`
	Cp     *Cp     `json:"cp"`
}

type Server struct {
	Addr string `json:"addr"`
}

type Data struct {
	Database *Data_Database `json:"database"`
	Redis    *Data_Redis    `json:"redis"`
}

type Data_Database struct {
	Driver string `json:"driver"`
	Source string `json:"source"`
	// SourceTemplate is a DSN with one %s for the org's schema.
	SourceTemplate string `json:"source_template"`
}

type Data_Redis struct {
	Addr string `json:"addr"`
}

type Cp struct {
	Endpoint string `json:"endpoint"`
}

func (x *Data) GetDatabase() *Data_Database {
	if x != nil {
		return x.Database
	}
	return nil
}
