-- Workspace server schema (one database per org host).
CREATE TABLE workspaces (
    id          UUID PRIMARY KEY,
    org_id      UUID NOT NULL,
    name        TEXT NOT NULL,
    status      TEXT NOT NULL DEFAULT 'idle',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE memories (
    id            BIGSERIAL PRIMARY KEY,
    org_id        UUID NOT NULL,
    workspace_id  UUID NOT NULL REFERENCES workspaces (id),
    content       TEXT NOT NULL,
    embedding     BYTEA,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id            BIGSERIAL PRIMARY KEY,
    org_id        UUID NOT NULL,
    workspace_id  UUID NOT NULL REFERENCES workspaces (id),
    kind          TEXT NOT NULL,
    payload       JSONB,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE chat_messages (
    id            BIGSERIAL PRIMARY KEY,
    org_id        UUID NOT NULL,
    workspace_id  UUID NOT NULL REFERENCES workspaces (id),
    role          TEXT NOT NULL,
    body          TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id            BIGSERIAL PRIMARY KEY,
    org_id        UUID NOT NULL,
    workspace_id  UUID NOT NULL REFERENCES workspaces (id),
    cron          TEXT NOT NULL,
    next_run_at   TIMESTAMPTZ
);

CREATE TABLE workspace_secrets (
    id            BIGSERIAL PRIMARY KEY,
    org_id        UUID NOT NULL,
    workspace_id  UUID NOT NULL REFERENCES workspaces (id),
    name          TEXT NOT NULL,
    ciphertext    BYTEA NOT NULL
);
