import os

TENANT_DSN_VAR = "TENANT_DATABASE_URL"

AUDIT_TARGETS = {
    "workspace": os.environ.get(TENANT_DSN_VAR, ""),  # expect: MOL102
}
