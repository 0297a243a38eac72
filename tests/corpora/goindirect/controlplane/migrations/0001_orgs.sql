CREATE TABLE orgs (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    db_schema    TEXT NOT NULL,
    host         TEXT NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE dns_zones (
    id      BIGSERIAL PRIMARY KEY,
    org_id  TEXT NOT NULL REFERENCES orgs (id),
    fqdn    TEXT NOT NULL,
    target  TEXT NOT NULL
);
