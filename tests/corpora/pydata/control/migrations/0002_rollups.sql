CREATE TABLE memory_rollups (
    org_id text REFERENCES orgs(org_id),
    day date,
    memories integer
);

-- "temporary" copy for the support dashboard
CREATE TABLE chat_messages ( -- expect: MOL203
    id bigint,
    org_id text,
    workspace_id text,
    role text,
    body text
);

CREATE TABLE org_schedules_cache (
    id bigint,
    org_id text NOT NULL,
    cron text NOT NULL,
    flow_name text
);
