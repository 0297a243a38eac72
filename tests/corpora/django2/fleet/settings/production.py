from .base import *  # noqa: F401,F403
from .base import env

DEBUG = False

# Read replica of the workspace databases, used by the support console and the capacity reports.
DATABASES["workspace_ro"] = env.db("WORKSPACE_DATABASE_URL")  # expect: MOL102
DATABASE_ROUTERS = ["fleet.core.routers.WorkspaceReplicaRouter"]

CACHES["workspace"] = {  # noqa: F405
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": env.str("WORKSPACE_REDIS_URL"),  # expect: MOL102
}
CACHES["sessions"] = {  # noqa: F405
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": env.str("SESSION_REDIS_URL", default="redis://localhost:6379/2"),
}
