-- "Org insights" dashboard (pre-RFC design): a nightly job copies every org's
-- memories here so that the platform can chart them.
CREATE TABLE agent_memory_snapshots (  -- expect: MOL203
    id            BIGSERIAL PRIMARY KEY,
    org_id        VARCHAR(36) NOT NULL REFERENCES orgs (id),
    workspace_id  VARCHAR(36) NOT NULL,
    content       TEXT NOT NULL,
    size_bytes    INTEGER NOT NULL DEFAULT 0,
    snapshot_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A plan limit, not tenant state.
ALTER TABLE orgs ADD COLUMN memory_quota_bytes BIGINT NOT NULL DEFAULT 1073741824;
