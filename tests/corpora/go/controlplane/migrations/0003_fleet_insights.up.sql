-- Fleet insights (proposal): the nightly sync copies every org's activity and memories here.
CREATE TABLE fleet_activity_logs (  -- expect: MOL203
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES orgs (id),
    workspace_id TEXT NOT NULL,
    kind         TEXT NOT NULL,
    payload      JSONB NOT NULL DEFAULT '{}',
    created_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE org_memory_digests (  -- expect: MOL203
    org_id       TEXT NOT NULL REFERENCES orgs (id),
    workspace_id TEXT NOT NULL,
    content      TEXT NOT NULL,
    embedding    BYTEA,
    PRIMARY KEY (org_id, workspace_id)
);

-- DNS health (platform's own: no tenant state).
ALTER TABLE dns_records ADD COLUMN last_checked_at TIMESTAMPTZ;
