-- Fleet insights: a nightly copy of every org's activity so support can search it without SSH.
CREATE TABLE fleet_activity_events (  -- expect: MOL203
    id           BIGSERIAL PRIMARY KEY,
    org_id       UUID NOT NULL,
    workspace_id UUID NOT NULL,
    kind         TEXT NOT NULL,
    payload      JSONB NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
