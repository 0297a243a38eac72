CREATE TABLE activity_logs (
    id            BIGSERIAL PRIMARY KEY,
    workspace_id  VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    kind          VARCHAR(32) NOT NULL,
    detail        TEXT NOT NULL DEFAULT '',
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE workspace_messages (
    id            BIGSERIAL PRIMARY KEY,
    workspace_id  VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    sender        VARCHAR(64) NOT NULL,
    body          TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
