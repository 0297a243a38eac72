CREATE TABLE invoices (
    id          BIGSERIAL PRIMARY KEY,
    org_id      UUID NOT NULL REFERENCES orgs (id),
    period      DATE NOT NULL,
    amount_cents BIGINT NOT NULL
);

-- Metered seats and agent-hours per org, reported by each tenant host to the platform.
-- Named like the tenant's activity log, but it only holds billing counters.
CREATE TABLE activity_quotas (
    org_id        UUID PRIMARY KEY REFERENCES orgs (id),
    agent_hours   INTEGER NOT NULL DEFAULT 0,
    period        DATE NOT NULL
);
