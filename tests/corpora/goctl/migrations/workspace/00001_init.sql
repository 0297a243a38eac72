-- +goose Up
-- +goose StatementBegin
CREATE TABLE agent_memories (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      uuid NOT NULL,
    workspace   text NOT NULL,
    key         text NOT NULL,
    body        jsonb NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE activity_logs (
    id          bigserial PRIMARY KEY,
    org_id      uuid NOT NULL,
    workspace   text NOT NULL,
    kind        text NOT NULL,
    payload     jsonb,
    created_at  timestamptz NOT NULL DEFAULT now()
);
-- +goose StatementEnd

-- +goose Down
DROP TABLE activity_logs;
DROP TABLE agent_memories;
