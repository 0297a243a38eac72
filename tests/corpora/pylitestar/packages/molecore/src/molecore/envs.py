from enum import StrEnum


class Env(StrEnum):
    """Environment variables the services read."""

    WORKSPACE_DB = "WORKSPACE_DB_URL"
    WORKSPACE_REDIS = "WORKSPACE_REDIS_URL"
    CONTROLPLANE_DB = "CONTROLPLANE_DB_URL"
    ORG_ID = "MOLECULE_ORG_ID"
    PLATFORM_URL = "MOLECULE_PLATFORM_URL"
