-- The workspace server's own database: one org per host.
CREATE TABLE ws_notes (
    id          bigserial PRIMARY KEY,
    org_id      uuid NOT NULL,
    workspace_id uuid NOT NULL,
    title       text NOT NULL,
    body        text NOT NULL,
    pinned      boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE run_history (
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    agent_name   text NOT NULL,
    status       text NOT NULL,
    prompt       text,
    output       jsonb,
    duration_ms  integer,
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz
);

CREATE TABLE agent_secrets (
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    secret_name  text NOT NULL,
    ciphertext   bytea NOT NULL,
    rotated_at   timestamptz
);

CREATE TABLE activity_events (
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    actor        text NOT NULL,
    verb         text NOT NULL,
    payload      jsonb,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE job_schedules (
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    cron         text NOT NULL,
    agent_name   text NOT NULL,
    next_run_at  timestamptz
);
