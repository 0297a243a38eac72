CREATE TABLE memories (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    content      text NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity_events (
    id           bigserial PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    kind         text NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE schedules (
    id           uuid PRIMARY KEY,
    org_id       uuid NOT NULL,
    workspace_id uuid NOT NULL,
    cron         text NOT NULL,
    next_run_at  timestamptz
);
