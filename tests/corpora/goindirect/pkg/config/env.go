// Package config reads settings from the environment.
package config

import (
	"os"
	"strconv"
)

// Getenv returns the variable's value, or fallback when it is unset.
func Getenv(key, fallback string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return fallback
}

// GetInt is Getenv for integers.
func GetInt(key string, fallback int) int {
	n, err := strconv.Atoi(Getenv(key, ""))
	if err != nil {
		return fallback
	}
	return n
}
