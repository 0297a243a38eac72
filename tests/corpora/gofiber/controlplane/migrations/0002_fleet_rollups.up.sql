-- nightly copy of every org's activity for the fleet dashboard
CREATE TABLE activity_events_archive ( -- expect: MOL203
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id UUID NOT NULL,
    kind         TEXT NOT NULL,
    payload      JSONB NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL
);
