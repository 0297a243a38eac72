"""Environment variable names used across services."""

WAREHOUSE = "WAREHOUSE_URL"
MEMORY_PLUGIN = "MEMORY_PLUGIN_URL"
WORKSPACE_DB = "WORKSPACE_DATABASE_URL"
