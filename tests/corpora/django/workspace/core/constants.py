FALLBACK_PLATFORM_URL = "https://cp.orbit-cloud.io"  # expect: MOL301
ORG_DB_ALIAS = "org_{org_id}"
ORG_HEADER = "X-Org-Id"
