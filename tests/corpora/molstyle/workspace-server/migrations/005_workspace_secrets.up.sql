CREATE TABLE IF NOT EXISTS workspace_secrets (
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    key          TEXT NOT NULL,
    value        BYTEA NOT NULL,
    PRIMARY KEY (workspace_id, key)
);
