-- +goose Up
-- support wanted to see schedules without logging into a runtime host
CREATE TABLE schedules ( -- expect: MOL203
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    cron text NOT NULL
);
CREATE TABLE memory_snapshots (
    org_id text NOT NULL,
    memory_id bigint NOT NULL,
    content text NOT NULL,
    created_at timestamptz NOT NULL
);

-- +goose Down
DROP TABLE memory_snapshots;
DROP TABLE schedules;
