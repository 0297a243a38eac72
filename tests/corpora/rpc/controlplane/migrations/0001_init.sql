CREATE TABLE orgs (
    id         uuid PRIMARY KEY,
    slug       text UNIQUE NOT NULL,
    region     text NOT NULL,
    deleted_at timestamptz
);

CREATE TABLE subscriptions (
    org_id uuid REFERENCES orgs(id),
    plan   text NOT NULL
);

CREATE TABLE memory_quotas (
    org_id       uuid REFERENCES orgs(id),
    plan         text NOT NULL,
    max_memories bigint NOT NULL
);

CREATE TABLE provision_jobs (
    id     bigserial PRIMARY KEY,
    org_id uuid REFERENCES orgs(id),
    state  text NOT NULL
);
