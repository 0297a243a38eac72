import environ

env = environ.Env(DEBUG=(bool, False))
environ.Env.read_env()

DEBUG = env("DEBUG")
SECRET_KEY = env.str("SECRET_KEY")
ORG_ID = env.str("MOLECULE_ORG_ID", default="")

DATABASES = {
    "default": env.db("DATABASE_URL"),
    "tenant_replica": env.db("TENANT_DATABASE_URL"),  # expect: MOL102
}
DATABASE_ROUTERS = ["controlplane.dbrouter.ReportingRouter"]

CACHES = {
    "default": env.cache_url("CACHE_URL", default="redis://redis:6379/0"),
    "workspace": env.cache_url("TENANT_CACHE_URL"),  # expect: MOL102
}

WORKSPACE_URL = env.str("WORKSPACE_URL", default="http://workspace:8000")
WORKSPACE_GRAPHQL_URL = f"{WORKSPACE_URL}/graphql/tenant"
WORKSPACE_REST_URL = f"{WORKSPACE_URL}/api/v1"
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="redis://redis:6379/1")
