-- nightly rollup so the fleet dashboard does not have to ask every host.
CREATE TABLE agent_run_rollup ( -- expect: MOL203
    org_id      TEXT        NOT NULL,
    agent_id    TEXT        NOT NULL,
    status      TEXT        NOT NULL,
    tokens_used BIGINT      NOT NULL DEFAULT 0,
    started_at  TIMESTAMPTZ NOT NULL
);
