-- Workspace runtime schema: one database per org host.
CREATE TABLE agent_memories (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    content text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id bigserial PRIMARY KEY,
    org_id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    kind text NOT NULL,
    payload jsonb,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE chat_messages (
    id bigserial PRIMARY KEY,
    org_id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspace_secrets (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL,
    name text NOT NULL,
    ciphertext bytea NOT NULL
);
