-- Quotas: how many memories an org's plan allows (a limit, not the memories).
CREATE TABLE memory_quotas (
    org_id        TEXT PRIMARY KEY REFERENCES orgs (id),
    max_memories  BIGINT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE usage_snapshots (
    id        BIGSERIAL PRIMARY KEY,
    org_id    TEXT NOT NULL REFERENCES orgs (id),
    units     BIGINT NOT NULL,
    taken_at  TIMESTAMPTZ NOT NULL
);
