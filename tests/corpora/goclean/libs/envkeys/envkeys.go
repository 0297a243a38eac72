// Package envkeys lists environment variable names read outside config structs.
package envkeys

const (
	MemoryPlugin = "MEMORY_PLUGIN_URL"
	LogLevel     = "LOG_LEVEL"
)
