-- Schema of one org's workspace database (mounted into docker-entrypoint-initdb.d).
CREATE TABLE workspaces (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    name text NOT NULL,
    status text NOT NULL
);

CREATE TABLE memories (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    content text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE messages (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL REFERENCES workspaces (id),
    role text NOT NULL,
    content text NOT NULL,
    read_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    actor text NOT NULL,
    verb text NOT NULL,
    payload jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    cron text NOT NULL,
    next_run_at timestamptz
);

CREATE TABLE workspace_secrets (
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    name text NOT NULL,
    ciphertext bytea NOT NULL
);
