CREATE TABLE org_memory_copies ( -- expect: MOL203
    id           UUID PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id UUID NOT NULL,
    content      TEXT NOT NULL,
    embedding    BYTEA,
    size_bytes   BIGINT NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ NOT NULL
);

ALTER TABLE memory_quotas ADD COLUMN warn_bytes BIGINT;
