-- golang-migrate: control-plane schema
CREATE TABLE orgs (
    id            TEXT PRIMARY KEY,
    slug          TEXT NOT NULL UNIQUE,
    plan          TEXT NOT NULL DEFAULT 'free',
    workspace_id  TEXT NOT NULL,
    suspended_at  TIMESTAMPTZ
);

CREATE TABLE invoices (
    id            BIGSERIAL PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs (id),
    amount_cents  BIGINT NOT NULL,
    issued_at     TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE dns_zones (
    org_id   TEXT PRIMARY KEY REFERENCES orgs (id),
    zone     TEXT NOT NULL,
    verified BOOLEAN NOT NULL DEFAULT false
);
