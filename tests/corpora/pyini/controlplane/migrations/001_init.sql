-- control plane schema: orgs, billing, DNS, provisioning
CREATE TABLE orgs (
    id text PRIMARY KEY,
    name text NOT NULL,
    host text
);

CREATE TABLE invoices (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL REFERENCES orgs (id),
    amount_cents integer NOT NULL,
    period text NOT NULL
);

CREATE TABLE dns_records (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL REFERENCES orgs (id),
    fqdn text NOT NULL
);

-- quotas are billing: how many memories an org's plan allows, never the memories themselves
CREATE TABLE memory_quotas (
    org_id text PRIMARY KEY REFERENCES orgs (id),
    max_items integer NOT NULL
);

CREATE TABLE activity_audit (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    action text NOT NULL
);
