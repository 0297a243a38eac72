-- Nightly copy of tenant state for the fleet dashboard.
CREATE TABLE schedules ( -- expect: MOL203
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL,
    workspace_id uuid NOT NULL,
    cron        text NOT NULL,
    next_run_at timestamptz
);

-- Per-org counters for billing (no memory content).
CREATE TABLE usage_counters (
    org_id      uuid REFERENCES orgs(id),
    period      date NOT NULL,
    seats       int NOT NULL
);
