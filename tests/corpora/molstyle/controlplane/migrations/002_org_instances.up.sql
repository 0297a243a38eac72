CREATE TABLE IF NOT EXISTS org_instances (
    id          UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id      UUID NOT NULL REFERENCES orgs(id),
    instance_id TEXT NOT NULL,
    private_ip  INET,
    state       TEXT NOT NULL DEFAULT 'pending'
);

CREATE TABLE IF NOT EXISTS provision_jobs (
    id         UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    org_id     UUID NOT NULL REFERENCES orgs(id),
    kind       TEXT NOT NULL,
    created_at TIMESTAMPTZ DEFAULT now()
);
