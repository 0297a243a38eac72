-- +goose Up
CREATE TABLE schedules (
    id        uuid PRIMARY KEY,
    org_id    uuid NOT NULL,
    cron      text NOT NULL,
    prompt    text NOT NULL,
    enabled   boolean NOT NULL DEFAULT true
);

CREATE TABLE workspace_secrets (
    org_id    uuid NOT NULL,
    name      text NOT NULL,
    sealed    bytea NOT NULL,
    PRIMARY KEY (org_id, name)
);

CREATE TABLE chat_messages (
    id        bigserial PRIMARY KEY,
    org_id    uuid NOT NULL,
    role      text NOT NULL,
    content   text NOT NULL,
    sent_at   timestamptz NOT NULL DEFAULT now()
);

-- +goose Down
DROP TABLE chat_messages;
DROP TABLE workspace_secrets;
DROP TABLE schedules;
