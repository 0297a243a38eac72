-- tenant schema: one database per org host
CREATE TABLE workspace_events (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id text NOT NULL,
    kind text NOT NULL,
    payload jsonb,
    created_at timestamptz DEFAULT now()
);

CREATE TABLE chat_messages (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id text NOT NULL,
    role text,
    body text
);

CREATE TABLE schedules (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    cron text NOT NULL,
    flow_name text
);
