"""Route table of the runtime API (the contract the runtime serves)."""

NOTEBOOKS_ROUTE = "/v1/orgs/{org_id}/notebooks"
NOTEBOOK_ROUTE = NOTEBOOKS_ROUTE + "/{notebook_id}"
CHAT_ROUTE = "/v1/orgs/{org_id}/chat"
HEALTH_ROUTE = "/healthz"
