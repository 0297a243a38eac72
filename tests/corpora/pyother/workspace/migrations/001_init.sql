-- Workspace server schema: one org per database.
CREATE TABLE agent_memories (
    id            BIGSERIAL PRIMARY KEY,
    org_id        TEXT NOT NULL,
    workspace_id  TEXT NOT NULL,
    content       TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id            BIGSERIAL PRIMARY KEY,
    org_id        TEXT NOT NULL,
    workspace_id  TEXT NOT NULL,
    actor         TEXT NOT NULL,
    verb          TEXT NOT NULL,
    payload       JSONB,
    occurred_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE chat_messages (
    id            BIGSERIAL PRIMARY KEY,
    org_id        TEXT NOT NULL,
    workspace_id  TEXT NOT NULL,
    author        TEXT NOT NULL,
    body          TEXT NOT NULL,
    thread_id     TEXT,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
