CREATE TABLE IF NOT EXISTS workspaces (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    name         TEXT NOT NULL,
    parent_id    UUID REFERENCES workspaces(id),
    status       TEXT NOT NULL DEFAULT 'provisioning',
    current_task TEXT,
    created_at   TIMESTAMPTZ DEFAULT now()
);
