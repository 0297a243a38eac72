CREATE TABLE memories (
    id uuid PRIMARY KEY,
    org_id varchar(64) NOT NULL,
    workspace_id varchar(64) NOT NULL,
    content text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id bigserial PRIMARY KEY,
    org_id varchar(64) NOT NULL,
    workspace_id varchar(64) NOT NULL,
    kind varchar(64) NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE workspace_messages (
    id bigserial PRIMARY KEY,
    org_id varchar(64) NOT NULL,
    workspace_id varchar(64) NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id bigserial PRIMARY KEY,
    org_id varchar(64) NOT NULL,
    memory_id uuid REFERENCES memories (id),
    cron varchar(64) NOT NULL
);
