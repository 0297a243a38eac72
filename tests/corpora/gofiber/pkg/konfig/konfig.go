// Package konfig loads a service's koanf configuration: config.yaml, then env vars with the service's prefix.
package konfig

import (
	"strings"

	"github.com/knadh/koanf/parsers/yaml"
	"github.com/knadh/koanf/providers/env"
	"github.com/knadh/koanf/providers/file"
	"github.com/knadh/koanf/v2"
)

// Load fills out from path and from the env vars starting with prefix (PREFIX_DATABASE__DSN -> database.dsn).
func Load(path, prefix string, out any) (*koanf.Koanf, error) {
	k := koanf.New(".")
	if err := k.Load(file.Provider(path), yaml.Parser()); err != nil {
		return nil, err
	}
	err := k.Load(env.Provider(prefix, ".", func(s string) string {
		return strings.ReplaceAll(strings.ToLower(strings.TrimPrefix(s, prefix)), "__", ".")
	}), nil)
	if err != nil {
		return nil, err
	}
	return k, k.Unmarshal("", out)
}
