-- Workspace schema: one org per database (MOLECULE_ORG_ID).
CREATE TABLE memories (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    key          TEXT NOT NULL,
    content      TEXT NOT NULL,
    embedding    BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    actor        TEXT NOT NULL,
    verb         TEXT NOT NULL,
    payload      JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    cron_expr    TEXT NOT NULL,
    command      TEXT NOT NULL,
    timezone     TEXT NOT NULL DEFAULT 'UTC',
    next_run_at  TIMESTAMPTZ
);
