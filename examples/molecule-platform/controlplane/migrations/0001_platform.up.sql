-- Control-plane schema: orgs, billing, DNS, provisioning. No tenant functional state.
CREATE TABLE orgs (
    id              VARCHAR(36) PRIMARY KEY,
    slug            VARCHAR(63) NOT NULL UNIQUE,
    plan            VARCHAR(32) NOT NULL DEFAULT 'free',
    max_workspaces  INTEGER NOT NULL DEFAULT 3,
    host_ip         VARCHAR(64),
    deleted_at      TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE billing_accounts (
    org_id              VARCHAR(36) PRIMARY KEY REFERENCES orgs (id),
    stripe_customer_id  VARCHAR(64) NOT NULL,
    plan                VARCHAR(32) NOT NULL
);

CREATE TABLE dns_records (
    org_id  VARCHAR(36) NOT NULL REFERENCES orgs (id),
    name    VARCHAR(253) NOT NULL,
    target  VARCHAR(64) NOT NULL,
    PRIMARY KEY (org_id, name)
);

CREATE TABLE provision_jobs (
    id          BIGSERIAL PRIMARY KEY,
    org_id      VARCHAR(36) REFERENCES orgs (id),
    kind        VARCHAR(32) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    payload     TEXT,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
