CREATE TABLE orgs (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    host text NOT NULL,
    workspace_id text NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE invoices (id uuid PRIMARY KEY, org_id uuid NOT NULL REFERENCES orgs (id), amount_cents integer NOT NULL);
CREATE TABLE usage_ledger (id bigserial PRIMARY KEY, org_id uuid NOT NULL, metric text NOT NULL, quantity bigint NOT NULL);
CREATE TABLE dns_records (id uuid PRIMARY KEY, org_id uuid NOT NULL, name text NOT NULL, expires_at timestamptz);
CREATE TABLE hosts (id uuid PRIMARY KEY, org_id uuid NOT NULL, region text NOT NULL);
-- run_quotas: how many agent runs an org's plan allows (limits only, never the runs themselves)
CREATE TABLE run_quotas (org_id uuid PRIMARY KEY, max_runs integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
