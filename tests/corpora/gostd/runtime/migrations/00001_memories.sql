-- +goose Up
CREATE TABLE memories (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    content text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE activity_events (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    kind text NOT NULL,
    at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE schedules (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    cron text NOT NULL
);

-- +goose Down
DROP TABLE schedules;
DROP TABLE activity_events;
DROP TABLE memories;
