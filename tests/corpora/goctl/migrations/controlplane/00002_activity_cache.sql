-- +goose Up
-- A copy of what each workspace did, refreshed nightly, so the admin UI loads fast.
CREATE TABLE workspace_activity ( -- expect: MOL203
    id          bigserial PRIMARY KEY,
    org_id      uuid NOT NULL,
    workspace   text NOT NULL,
    kind        text NOT NULL,
    payload     jsonb,
    created_at  timestamptz NOT NULL
);

-- +goose Down
DROP TABLE workspace_activity;
