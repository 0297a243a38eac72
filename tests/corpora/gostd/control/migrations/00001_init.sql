-- +goose Up
CREATE TABLE orgs (
    id text PRIMARY KEY,
    name text NOT NULL,
    host text NOT NULL
);
CREATE TABLE billing_accounts (
    org_id text PRIMARY KEY REFERENCES orgs(id),
    plan text NOT NULL
);
CREATE TABLE dns_records (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL REFERENCES orgs(id),
    name text NOT NULL
);
-- memory_quotas: how many memories a plan allows; counts are pushed by each runtime.
CREATE TABLE memory_quotas (
    org_id text PRIMARY KEY REFERENCES orgs(id),
    max_memories integer NOT NULL,
    used_memories integer NOT NULL DEFAULT 0
);
CREATE TABLE activity_invoices (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    amount_cents bigint NOT NULL
);

-- +goose Down
DROP TABLE activity_invoices;
DROP TABLE memory_quotas;
DROP TABLE dns_records;
DROP TABLE billing_accounts;
DROP TABLE orgs;
