-- Control-plane schema: provisioning, billing and DNS only.
CREATE TABLE orgs (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    host        TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE billing_accounts (
    org_id      TEXT PRIMARY KEY REFERENCES orgs (id),
    stripe_id   TEXT NOT NULL,
    plan        TEXT NOT NULL DEFAULT 'free'
);

CREATE TABLE dns_records (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    fqdn        TEXT NOT NULL,
    target      TEXT NOT NULL
);

CREATE TABLE provision_jobs (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    state       TEXT NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
