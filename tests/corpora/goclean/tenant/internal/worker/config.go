// Package worker runs the runtime's background jobs.
package worker

import "github.com/caarlos0/env/v10"

type Config struct {
	Concurrency int `env:"WORKER_CONCURRENCY" envDefault:"4"`
	Platform    PlatformConfig `envPrefix:"MOLECULE_"`
}

type PlatformConfig struct {
	URL string `env:"PLATFORM_URL" envDefault:"https://control.lattice.dev"` // expect: MOL301
}

func Load() (Config, error) {
	var c Config
	err := env.Parse(&c)
	return c, err
}
