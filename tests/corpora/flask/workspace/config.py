import os

from workspace.constants import DEFAULT_HUB


class Config:
    ORG_ID = os.environ["MOLECULE_ORG_ID"]
    SQLALCHEMY_DATABASE_URI = os.environ.get("WORKSPACE_DATABASE_URL", "postgresql://ws:ws@localhost/workspace")
    SQLALCHEMY_BINDS = {
        "org": os.environ.get("WORKSPACE_DATABASE_URL"),
    }
    CACHE_TYPE = "RedisCache"
    CACHE_REDIS_URL = os.environ.get("WORKSPACE_REDIS_URL", "redis://localhost:6379/0")
    PLATFORM_URL = os.environ.get("MOLECULE_PLATFORM_URL", DEFAULT_HUB)
