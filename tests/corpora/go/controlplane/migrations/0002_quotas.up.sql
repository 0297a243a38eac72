-- Plan limits: a platform table sharing a word with the tenant's agent_memories.
CREATE TABLE memory_quotas (
    org_id      TEXT PRIMARY KEY REFERENCES orgs (id),
    max_bytes   BIGINT NOT NULL DEFAULT 1073741824
);

-- Billing meter readings pushed by each tenant (counts only, no content).
CREATE TABLE usage_snapshots (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    seats       INTEGER NOT NULL,
    storage_mb  INTEGER NOT NULL,
    taken_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
