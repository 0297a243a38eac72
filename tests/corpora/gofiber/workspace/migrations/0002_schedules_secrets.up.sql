CREATE TABLE agent_schedules (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       TEXT NOT NULL,
    workspace_id UUID NOT NULL,
    cron         TEXT NOT NULL,
    next_run_at  TIMESTAMPTZ
);

CREATE TABLE workspace_secrets (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id       TEXT NOT NULL,
    workspace_id UUID NOT NULL,
    name         TEXT NOT NULL,
    ciphertext   BYTEA NOT NULL
);
