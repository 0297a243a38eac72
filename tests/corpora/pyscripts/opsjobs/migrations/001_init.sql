-- Control-plane schema: accounts, billing, DNS and provisioning only.
CREATE TABLE accounts (
    id          uuid PRIMARY KEY,
    org_id      uuid NOT NULL UNIQUE,
    name        text NOT NULL,
    plan        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
    id          bigserial PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id),
    amount_cents integer NOT NULL,
    period      daterange NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- Notes the support team keeps about an account (not the tenant's ws_notes).
CREATE TABLE account_notes (
    id          bigserial PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id),
    author      text NOT NULL,
    body        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE dns_zones (
    id          bigserial PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id),
    hostname    text NOT NULL,
    target_ip   inet NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE provision_requests (
    id          bigserial PRIMARY KEY,
    account_id  uuid NOT NULL REFERENCES accounts (id),
    instance_type text NOT NULL,
    state       text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE usage_rollups (
    account_id  uuid NOT NULL REFERENCES accounts (id),
    period      date NOT NULL,
    seats       integer NOT NULL,
    PRIMARY KEY (account_id, period)
);
