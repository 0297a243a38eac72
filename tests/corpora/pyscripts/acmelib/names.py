"""Names both sides agree on: tables, Redis key prefixes, env var names."""

NOTES = "ws_notes"
RUNS = "run_history"
SECRETS = "agent_secrets"
EVENTS = "activity_events"

INVOICES = "invoices"
ACCOUNTS = "accounts"
ACCOUNT_NOTES = "account_notes"
ROLLUPS = "usage_rollups"

QUEUE_PREFIX = "wsq:"
RUN_LOCK_PREFIX = "runlock:"
OPS_LOCK_PREFIX = "ops:lock:"

WS_REDIS_ENV = "WS_REDIS_URL"
OPS_REDIS_ENV = "OPS_REDIS_URL"
