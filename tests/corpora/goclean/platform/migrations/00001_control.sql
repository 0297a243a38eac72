-- +goose Up
CREATE TABLE orgs (
    id         UUID PRIMARY KEY,
    slug       TEXT UNIQUE NOT NULL,
    host       TEXT NOT NULL
);

CREATE TABLE billing_accounts (
    org_id     UUID PRIMARY KEY REFERENCES orgs (id),
    plan       TEXT NOT NULL,
    seats      INT NOT NULL DEFAULT 1
);

-- Usage that tenants push to us; unlike activity_events on the tenant host this is ours.
CREATE TABLE billing_events (
    id         BIGSERIAL PRIMARY KEY,
    org_id     UUID NOT NULL REFERENCES orgs (id),
    kind       TEXT NOT NULL,
    quantity   INT NOT NULL
);

CREATE TABLE provider_secrets (
    id         BIGSERIAL PRIMARY KEY,
    provider   TEXT NOT NULL,
    ciphertext BYTEA NOT NULL
);

CREATE TABLE provision_jobs (
    id         BIGSERIAL PRIMARY KEY,
    org_id     UUID NOT NULL REFERENCES orgs (id),
    state      TEXT NOT NULL
);

CREATE TABLE dns_records (
    id         BIGSERIAL PRIMARY KEY,
    org_id     UUID NOT NULL REFERENCES orgs (id),
    fqdn       TEXT NOT NULL
);

-- +goose Down
DROP TABLE dns_records;
DROP TABLE provision_jobs;
DROP TABLE provider_secrets;
DROP TABLE billing_events;
DROP TABLE billing_accounts;
DROP TABLE orgs;
