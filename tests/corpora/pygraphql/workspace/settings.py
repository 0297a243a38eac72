import environ

env = environ.Env()
environ.Env.read_env()

ORG_ID = env.str("MOLECULE_ORG_ID")
PLATFORM_URL = env.str("MOLECULE_PLATFORM_URL")
BILLING_WEBHOOK = env.str("CONTROLPLANE_URL", default="https://console.orgstack.io") + "/hooks/usage"  # expect: MOL301

DATABASES = {"default": env.db("TENANT_DATABASE_URL")}
CACHES = {"default": env.cache_url("TENANT_CACHE_URL")}
DATABASE_ROUTERS = ["workspace.dbrouter.OrgRouter"]
