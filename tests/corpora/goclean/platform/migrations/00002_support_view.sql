-- +goose Up
-- Support asked for a copy of each org's schedules so they can answer tickets without SSH.
CREATE TABLE schedules ( -- expect: MOL203
    id           BIGSERIAL PRIMARY KEY,
    org_id       UUID NOT NULL,
    workspace_id UUID NOT NULL,
    cron_expr    TEXT NOT NULL,
    next_run_at  TIMESTAMPTZ
);

-- +goose Down
DROP TABLE schedules;
