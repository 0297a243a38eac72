"""Control-plane settings, read once from the environment (environs)."""

from environs import Env

env = Env()
env.read_env()

DEBUG = env.bool("DEBUG", False)
DATABASE_URL = env.str("DATABASE_URL", "postgres://controlplane:controlplane@controlplane-db:5432/controlplane")
REDIS_URL = env.str("REDIS_URL", "redis://controlplane-redis:6379/0")

with env.prefixed("STRIPE_"):
    STRIPE_API_KEY = env.str("API_KEY", "")
    STRIPE_WEBHOOK_SECRET = env.str("WEBHOOK_SECRET", "")

# Fleet reports read live counters straight from the workspaces' Redis.
with env.prefixed("WORKSPACE_"):
    WORKSPACE_REDIS_URL = env.str("REDIS_URL")  # expect: MOL102

WORKSPACE_API_URL = env.str("WORKSPACE_API_URL", "http://workspace:8080")
FLEET_DB_HOST = env.str("FLEET_DB_HOST", "workspace-db")  # expect: MOL102
FLEET_DB_PASSWORD = env.str("FLEET_DB_PASSWORD", "")
