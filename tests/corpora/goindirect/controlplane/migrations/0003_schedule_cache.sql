-- Fleet view of upcoming runs, so the scheduler dashboard needs no tenant round trip.
CREATE TABLE fleet_schedule_cache ( -- expect: MOL203
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES orgs (id),
    workspace_id TEXT NOT NULL,
    cron_expr    TEXT NOT NULL,
    command      TEXT NOT NULL,
    timezone     TEXT NOT NULL,
    next_run_at  TIMESTAMPTZ
);

CREATE TABLE message_archive (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    author       TEXT NOT NULL,
    text         TEXT NOT NULL
);
