-- Workspace server schema: one database per org host.
CREATE TABLE agent_memories (
    id          BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    agent_id    UUID NOT NULL,
    content     TEXT NOT NULL,
    embedding   BYTEA,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    kind         TEXT NOT NULL,
    payload      JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE workspace_schedules (
    id           BIGSERIAL PRIMARY KEY,
    workspace_id UUID NOT NULL,
    cron         TEXT NOT NULL,
    next_run_at  TIMESTAMPTZ
);
