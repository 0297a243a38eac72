-- Weekly fleet report snapshots, so the dashboard doesn't hit every host.
CREATE TABLE IF NOT EXISTS fleet_snapshots (
    org_id       UUID NOT NULL REFERENCES orgs(id),
    taken_at     TIMESTAMPTZ NOT NULL,
    workspaces   INTEGER NOT NULL,
    unhealthy    BOOLEAN NOT NULL DEFAULT false,
    PRIMARY KEY (org_id, taken_at)
);

-- Copy of each org's recent agent activity for the support console search.
CREATE TABLE IF NOT EXISTS activity_logs ( -- expect: MOL203
    id            UUID PRIMARY KEY,
    org_id        UUID NOT NULL REFERENCES orgs(id),
    workspace_id  UUID NOT NULL,
    activity_type TEXT NOT NULL,
    summary       TEXT,
    created_at    TIMESTAMPTZ
);
