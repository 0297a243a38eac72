CREATE TABLE invoices (
    id          BIGSERIAL PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES orgs (id),
    amount_usd  NUMERIC(12, 2) NOT NULL,
    period      DATE NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Usage the tenants push to POST /v1/usage; the platform aggregates its own rows.
CREATE TABLE usage_records (
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL REFERENCES orgs (id),
    metric       TEXT NOT NULL,
    quantity     BIGINT NOT NULL,
    reported_at  TIMESTAMPTZ NOT NULL
);

-- Quota per org on the number of memories: a billing record, not the memories themselves.
CREATE TABLE memory_quotas (
    org_id     TEXT PRIMARY KEY REFERENCES orgs (id),
    max_items  BIGINT NOT NULL
);
