-- Nightly copy of every workspace's run history, for the fleet dashboard.
CREATE TABLE fleet_run_history (  -- expect: MOL203
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL,
    agent text NOT NULL,
    status text NOT NULL,
    prompt text,
    output text,
    started_at timestamptz NOT NULL,
    finished_at timestamptz
);

ALTER TABLE orgs ADD COLUMN last_seen_at timestamptz;
