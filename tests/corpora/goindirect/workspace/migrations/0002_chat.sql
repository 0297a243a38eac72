CREATE TABLE chat_messages (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    role         TEXT NOT NULL,
    body         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX chat_messages_ws ON chat_messages (workspace_id, created_at);
