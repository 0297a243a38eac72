"""HTTP paths of the services, as `str.format` templates."""


class Routes:
    HEALTH = "/healthz"
    NOTES = "/v1/workspaces/{ws}/notes"
    RUNS = "/v1/workspaces/{ws}/runs"
    EVENTS = "/v1/runs/{run_id}/events"
    INVOICES = "/v1/orgs/{org}/invoices"
    HEARTBEAT = "/v1/orgs/{org}/heartbeat"
