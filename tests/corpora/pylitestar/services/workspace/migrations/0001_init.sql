-- Workspace server schema: one database per org, created on the org's host.
CREATE TABLE memories (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    content text NOT NULL,
    embedding bytea,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    kind text NOT NULL,
    payload jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspace_messages (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    cron text NOT NULL,
    next_run_at timestamptz
);
