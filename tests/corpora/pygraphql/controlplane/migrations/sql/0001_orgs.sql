-- Control-plane schema: orgs, plans, billing and provisioning only.
CREATE TABLE orgs (
    id uuid PRIMARY KEY,
    slug text UNIQUE NOT NULL,
    host text,
    status text NOT NULL DEFAULT 'pending',
    plan_id int
);

CREATE TABLE memory_quota_plans (
    id serial PRIMARY KEY,
    name text NOT NULL,
    max_memories int NOT NULL
);

CREATE TABLE billing_invoices (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs(id),
    amount_cents int NOT NULL,
    memory_units int NOT NULL DEFAULT 0
);

CREATE TABLE provisioning_jobs (
    id bigserial PRIMARY KEY,
    org_id uuid NOT NULL REFERENCES orgs(id),
    kind text NOT NULL,
    state text NOT NULL
);
