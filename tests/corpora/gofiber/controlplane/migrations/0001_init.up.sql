CREATE TABLE orgs (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    plan       TEXT NOT NULL DEFAULT 'free',
    host       TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE billing_accounts (
    org_id      TEXT PRIMARY KEY REFERENCES orgs(id),
    stripe_id   TEXT NOT NULL,
    balance_usd NUMERIC(12, 2) NOT NULL DEFAULT 0
);

-- messages_billed is a counter the tenant reports; the messages themselves stay on the tenant host
CREATE TABLE usage_invoices (
    id              BIGSERIAL PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES orgs(id),
    period          DATE NOT NULL,
    messages_billed BIGINT NOT NULL DEFAULT 0,
    amount_usd      NUMERIC(12, 2) NOT NULL
);

CREATE TABLE dns_records (
    id      BIGSERIAL PRIMARY KEY,
    org_id  TEXT NOT NULL REFERENCES orgs(id),
    fqdn    TEXT NOT NULL,
    target  TEXT NOT NULL
);

CREATE TABLE provision_jobs (
    id         BIGSERIAL PRIMARY KEY,
    org_id     TEXT NOT NULL REFERENCES orgs(id),
    state      TEXT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE memory_quotas (
    org_id      TEXT PRIMARY KEY REFERENCES orgs(id),
    limit_bytes BIGINT NOT NULL
);
