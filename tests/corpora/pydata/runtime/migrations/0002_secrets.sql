CREATE TABLE workspace_secrets (
    id bigserial PRIMARY KEY,
    org_id text NOT NULL,
    name text NOT NULL,
    ciphertext bytea
);
