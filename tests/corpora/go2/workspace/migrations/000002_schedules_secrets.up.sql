CREATE TABLE agent_schedules (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    cron         TEXT NOT NULL,
    next_run_at  TIMESTAMPTZ NOT NULL
);

CREATE TABLE workspace_secrets (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    ciphertext   BYTEA NOT NULL
);
