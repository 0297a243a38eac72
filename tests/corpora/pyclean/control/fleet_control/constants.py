"""Names the control plane reads from its environment."""

CONTROL_DB_VAR = "CONTROL_DATABASE_URL"
# The support console reads a workspace database through a read-only replica.
SUPPORT_DSN_VAR = "WORKSPACE_DB_DSN"
TENANT_VAR_SUFFIX = "_URL"
