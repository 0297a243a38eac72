-- nightly copy of workspace schedules so the fleet report needs no tenant round trip
CREATE TABLE schedules (  -- expect: MOL203
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id text NOT NULL,
    cron text NOT NULL,
    next_run timestamptz
);
