package config

import (
	"strings"

	"github.com/knadh/koanf/parsers/yaml"
	"github.com/knadh/koanf/providers/confmap"
	"github.com/knadh/koanf/providers/env"
	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/v2"
)

type Config struct {
	OrgID       string `koanf:"org_id"`
	PlatformURL string `koanf:"platform_url"`
	HTTP        struct {
		Addr string `koanf:"addr"`
	} `koanf:"http"`
	Database struct {
		DSN       string `koanf:"dsn"`
		PerOrgDSN string `koanf:"per_org_dsn"`
	} `koanf:"database"`
	Redis struct {
		URL string `koanf:"url"`
	} `koanf:"redis"`
}

var k = koanf.New(".")

func Load(path string) (*Config, error) {
	// defaults for `go run` on a laptop
	if err := k.Load(confmap.Provider(map[string]interface{}{
		"http.addr":    ":8080",
		"platform_url": "http://controlplane:9000", // expect: MOL301
	}, "."), nil); err != nil {
		return nil, err
	}
	if err := k.Load(file.Provider(path), yaml.Parser()); err != nil {
		return nil, err
	}
	// MOLECULE_ORG_ID -> org_id, MOLECULE_PLATFORM_URL -> platform_url
	if err := k.Load(env.Provider("MOLECULE_", ".", func(s string) string {
		return strings.ToLower(strings.TrimPrefix(s, "MOLECULE_"))
	}), nil); err != nil {
		return nil, err
	}
	var cfg Config
	return &cfg, k.Unmarshal("", &cfg)
}
