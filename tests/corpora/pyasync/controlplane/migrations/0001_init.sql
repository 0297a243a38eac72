CREATE TABLE orgs (
    id text PRIMARY KEY,
    name text NOT NULL,
    status text NOT NULL DEFAULT 'active',
    api_url text NOT NULL,
    workspace_id uuid
);

CREATE TABLE invoices (
    id serial PRIMARY KEY,
    org_id text NOT NULL REFERENCES orgs (id),
    amount_cents integer NOT NULL,
    period char(7) NOT NULL
);

CREATE TABLE memory_quotas (
    id serial PRIMARY KEY,
    org_id text NOT NULL UNIQUE REFERENCES orgs (id),
    max_items integer NOT NULL
);

CREATE TABLE usage_snapshots (
    id serial PRIMARY KEY,
    org_id text NOT NULL REFERENCES orgs (id),
    seats integer NOT NULL,
    taken_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dns_records (
    id serial PRIMARY KEY,
    org_id text NOT NULL,
    name text NOT NULL,
    target text NOT NULL
);
