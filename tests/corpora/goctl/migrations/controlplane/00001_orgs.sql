-- +goose Up
CREATE TABLE orgs (
    id          uuid PRIMARY KEY,
    slug        text UNIQUE NOT NULL,
    host        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE billing_accounts (
    org_id      uuid PRIMARY KEY REFERENCES orgs(id),
    stripe_id   text NOT NULL,
    plan        text NOT NULL
);

CREATE TABLE dns_records (
    org_id      uuid NOT NULL REFERENCES orgs(id),
    fqdn        text NOT NULL,
    target      text NOT NULL
);

CREATE TABLE provision_jobs (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL REFERENCES orgs(id),
    state       text NOT NULL,
    started_at  timestamptz
);

-- memory_quotas is billing data: how many memories a plan allows, not the memories.
CREATE TABLE memory_quotas (
    plan        text PRIMARY KEY,
    max_items   integer NOT NULL
);

CREATE TABLE usage_snapshots (
    org_id      uuid NOT NULL REFERENCES orgs(id),
    taken_at    timestamptz NOT NULL,
    seats       integer NOT NULL
);

-- +goose Down
DROP TABLE usage_snapshots;
DROP TABLE memory_quotas;
DROP TABLE provision_jobs;
DROP TABLE dns_records;
DROP TABLE billing_accounts;
DROP TABLE orgs;
