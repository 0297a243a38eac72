CREATE TABLE orgs (
    id uuid PRIMARY KEY,
    slug text UNIQUE NOT NULL,
    host text
);

CREATE TABLE memory_plans (
    id uuid PRIMARY KEY,
    org_id text UNIQUE NOT NULL,
    max_memories integer NOT NULL
);

CREATE TABLE dns_records (name text PRIMARY KEY, target text NOT NULL);
CREATE TABLE provision_jobs (id uuid PRIMARY KEY, org_id text NOT NULL, state text NOT NULL);
CREATE TABLE fleet_hosts (id uuid PRIMARY KEY, region text NOT NULL, org_id text);
CREATE TABLE invoices (id uuid PRIMARY KEY, org_id text NOT NULL, amount_cents integer, due_at timestamptz, paid_at timestamptz);
CREATE TABLE subscriptions (org_id text PRIMARY KEY, plan text NOT NULL);
