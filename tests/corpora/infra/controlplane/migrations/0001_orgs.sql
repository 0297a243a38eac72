CREATE TABLE orgs (
    id         UUID PRIMARY KEY,
    slug       TEXT UNIQUE NOT NULL,
    plan       TEXT NOT NULL DEFAULT 'free',
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE org_hosts (
    org_id        UUID PRIMARY KEY REFERENCES orgs (id),
    instance_id   TEXT NOT NULL,
    private_ip    INET,
    public_fqdn   TEXT NOT NULL,
    state         TEXT NOT NULL DEFAULT 'pending'
);

CREATE TABLE dns_records (
    id      BIGSERIAL PRIMARY KEY,
    org_id  UUID NOT NULL REFERENCES orgs (id),
    fqdn    TEXT NOT NULL,
    target  TEXT NOT NULL
);
