-- Nightly copy of each org's activity so the dashboard does not hit the hosts.
CREATE TABLE activity_events_archive ( -- expect: MOL203
    id bigint PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    kind text NOT NULL,
    payload jsonb
);
