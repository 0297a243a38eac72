package provisioner

const (
	envPlatformURL = "MOLECULE_PLATFORM_URL"
	legacyCPEnv    = "MOLECULE_CP_URL"
	defaultCPURL   = "https://api.moleculesai.app" // expect: MOL301
)
