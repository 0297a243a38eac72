-- Warehouse tables filled by the nightly DAGs.
CREATE SCHEMA IF NOT EXISTS fleet;

CREATE TABLE IF NOT EXISTS fleet.org_activity_daily (
    org_id  UUID NOT NULL,
    day     DATE NOT NULL,
    events  BIGINT NOT NULL,
    PRIMARY KEY (org_id, day)
);

CREATE TABLE IF NOT EXISTS fleet.chat_messages (  -- expect: MOL203
    id            BIGINT PRIMARY KEY,
    org_id        UUID NOT NULL,
    workspace_id  UUID NOT NULL,
    role          TEXT NOT NULL,
    body          TEXT NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE IF NOT EXISTS billing_monthly (
    org_id      UUID NOT NULL,
    month       DATE NOT NULL,
    seat_hours  NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (org_id, month)
);
