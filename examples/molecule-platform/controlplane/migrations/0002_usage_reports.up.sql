-- Monthly usage pushed by each tenant's runtime. The platform owns this name
-- (platform_data.tables), even though tenants keep a local buffer table with it.
CREATE TABLE usage_reports (
    id             BIGSERIAL PRIMARY KEY,
    org_id         VARCHAR(36) NOT NULL REFERENCES orgs (id),
    period         DATE NOT NULL,
    tokens         BIGINT NOT NULL DEFAULT 0,
    storage_bytes  BIGINT NOT NULL DEFAULT 0,
    received_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (org_id, period)
);
