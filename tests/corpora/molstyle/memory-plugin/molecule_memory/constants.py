"""Names shared by the plugin's modules."""

MEMORY_TABLE = "agent_memories"
NAMESPACE_DEFAULT = "general"

# Hosted platform, used when a self-hosted install forgets to set the URL.
HOSTED_PLATFORM_URL = "https://api.moleculesai.app"  # expect: MOL301

# Runtime images before 0.3 exported the platform address under this name.
LEGACY_PLATFORM_ENV = "PLATFORM_URL"
