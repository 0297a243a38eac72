CREATE TABLE IF NOT EXISTS usage_records (
    id          BIGSERIAL PRIMARY KEY,
    org_id      UUID NOT NULL REFERENCES orgs(id),
    meter       TEXT NOT NULL,
    quantity    BIGINT NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);

-- Plan limits: how many workspaces an org may run (not the workspaces themselves).
CREATE TABLE IF NOT EXISTS workspace_quotas (
    org_id         UUID PRIMARY KEY REFERENCES orgs(id),
    max_workspaces INTEGER NOT NULL DEFAULT 3
);

CREATE TABLE IF NOT EXISTS dns_records (
    org_id     UUID PRIMARY KEY REFERENCES orgs(id),
    name       TEXT NOT NULL,
    value      INET NOT NULL,
    created_at TIMESTAMPTZ DEFAULT now()
);
