CREATE TABLE orgs (
    org_id text PRIMARY KEY,
    name text NOT NULL,
    host text
);

CREATE TABLE provision_jobs (
    id bigserial PRIMARY KEY,
    org_id text REFERENCES orgs(org_id),
    state text
);

-- billing events are the platform's own: what the tenant pushes for invoicing
CREATE TABLE billing_events (
    id bigserial PRIMARY KEY,
    org_id text REFERENCES orgs(org_id),
    amount_cents bigint,
    created_at timestamptz DEFAULT now()
);

CREATE TABLE message_quotas (
    org_id text PRIMARY KEY REFERENCES orgs(org_id),
    monthly_limit integer
);
