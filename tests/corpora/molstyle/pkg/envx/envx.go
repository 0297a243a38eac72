// Package envx reads tunables from the environment with a safe default.
// Named envx to avoid clashing with `env` locals.
package envx

import (
	"os"
	"strconv"
	"time"
)

// String returns the variable or def when unset.
func String(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// MustString panics at boot on a missing variable: a misconfigured service
// must not come up half-wired.
func MustString(name string) string {
	v := os.Getenv(name)
	if v == "" {
		panic("envx: " + name + " is required")
	}
	return v
}

// Duration reads a time.Duration, def when unset or unparseable.
func Duration(name string, def time.Duration) time.Duration {
	if d, err := time.ParseDuration(os.Getenv(name)); err == nil && d > 0 {
		return d
	}
	return def
}

// Int reads a positive int, def otherwise.
func Int(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
