-- control plane schema: orgs, billing, provisioning and DNS.
CREATE TABLE orgs (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    plan        TEXT NOT NULL DEFAULT 'free',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE fleet_hosts (
    id            TEXT PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs(id),
    instance_id   TEXT NOT NULL,
    region        TEXT NOT NULL,
    workspace_url TEXT NOT NULL
);

CREATE TABLE billing_invoices (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT    NOT NULL REFERENCES orgs(id),
    amount_cent BIGINT  NOT NULL,
    period      DATE    NOT NULL
);

-- memory quota per plan: a billing record (bytes allowed), not the memories themselves.
CREATE TABLE memory_quota_usage (
    org_id      TEXT    NOT NULL REFERENCES orgs(id),
    bytes_used  BIGINT  NOT NULL DEFAULT 0,
    measured_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE dns_zones (
    org_id      TEXT PRIMARY KEY REFERENCES orgs(id),
    fqdn        TEXT NOT NULL
);
