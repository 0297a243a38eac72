package config

import (
	"fmt"
	"os"
)

// MustEnv returns the variable or panics: for settings without which a job cannot start.
func MustEnv(key string) string {
	v, ok := os.LookupEnv(key)
	if !ok || v == "" {
		panic(fmt.Sprintf("missing required environment variable %s", key))
	}
	return v
}
