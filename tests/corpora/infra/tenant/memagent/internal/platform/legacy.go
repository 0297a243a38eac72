package platform

import "os"

func envOr(name, fallback string) string {
	if v, ok := os.LookupEnv(name); ok {
		return v
	}
	return fallback
}

// Legacy hosts provisioned before 2025 still carry PLATFORM_API_URL.
func LegacyClient() *Client {
	return &Client{base: envOr("PLATFORM_API_URL", "")} // expect: MOL301
}
