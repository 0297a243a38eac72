-- +goose Up
CREATE TABLE agent_memories (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    content      TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    kind         TEXT NOT NULL,
    payload      JSONB,
    occurred_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    cron_expr    TEXT NOT NULL,
    next_run_at  TIMESTAMPTZ
);

CREATE TABLE workspace_secrets (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    name         TEXT NOT NULL,
    ciphertext   BYTEA NOT NULL
);

CREATE TABLE messages (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    body         TEXT NOT NULL
);

-- +goose Down
DROP TABLE messages;
DROP TABLE workspace_secrets;
DROP TABLE schedules;
DROP TABLE activity_events;
DROP TABLE agent_memories;
