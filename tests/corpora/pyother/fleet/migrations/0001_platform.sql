-- depends:
-- Control-plane schema (yoyo-migrations): orgs, plans, invoices, DNS, provisioning.
CREATE TABLE orgs (
    id          TEXT PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    host        TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE subscriptions (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    plan        TEXT NOT NULL,
    seats       INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE invoices (
    id            BIGSERIAL PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs (id),
    amount_cents  BIGINT NOT NULL,
    issued_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE dns_records (
    org_id  TEXT NOT NULL REFERENCES orgs (id),
    name    TEXT NOT NULL,
    target  TEXT NOT NULL,
    PRIMARY KEY (org_id, name)
);

CREATE TABLE provision_jobs (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT REFERENCES orgs (id),
    state       TEXT NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- A plan limit: how many activity events an org may keep. Not the events themselves.
CREATE TABLE activity_quotas (
    org_id       TEXT PRIMARY KEY REFERENCES orgs (id),
    max_events   BIGINT NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
