-- Tenant schema (runs on the org's own Postgres). One org per database.
CREATE TABLE workspaces (
    id          VARCHAR(36) PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    status      VARCHAR(16) NOT NULL DEFAULT 'idle',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agent_memories (
    id            VARCHAR(36) PRIMARY KEY,
    workspace_id  VARCHAR(36) NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    content       TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX agent_memories_workspace_idx ON agent_memories (workspace_id, created_at DESC);
