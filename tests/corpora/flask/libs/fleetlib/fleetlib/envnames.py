"""Environment variable names of the deployment (see deploy/)."""

WORKSPACE_DB = "WORKSPACE_DATABASE_URL"
WORKSPACE_REDIS = "WORKSPACE_REDIS_URL"
HUB_DB = "DATABASE_URL"
HUB_URL = "CONTROLHUB_URL"
