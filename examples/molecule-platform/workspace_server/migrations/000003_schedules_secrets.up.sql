CREATE TABLE schedules (
    id            VARCHAR(36) PRIMARY KEY,
    workspace_id  VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    cron          VARCHAR(64) NOT NULL,
    enabled       BOOLEAN NOT NULL DEFAULT TRUE,
    legacy        BOOLEAN NOT NULL DEFAULT FALSE,
    next_run_at   TIMESTAMPTZ
);

CREATE TABLE workspace_secrets (
    workspace_id  VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name          VARCHAR(64) NOT NULL,
    ciphertext    BYTEA NOT NULL,
    PRIMARY KEY (workspace_id, name)
);
