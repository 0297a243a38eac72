-- workspace service schema: one database per org host.
CREATE TABLE workspace_memories (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    agent_id    TEXT        NOT NULL,
    content     TEXT        NOT NULL,
    embedding   BYTEA,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE agent_runs (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    agent_id    TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    tokens_used BIGINT      NOT NULL DEFAULT 0,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE chat_messages (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT        NOT NULL,
    run_id      BIGINT      REFERENCES agent_runs(id),
    role        TEXT        NOT NULL,
    body        TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
