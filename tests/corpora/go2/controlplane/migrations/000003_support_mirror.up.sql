-- Support wanted to search memories and secrets without logging into each org host.
CREATE TABLE memory_search_index ( -- expect: MOL203
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    content      TEXT NOT NULL,
    embedding    BYTEA,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE workspace_secrets ( -- expect: MOL203
    id           BIGSERIAL PRIMARY KEY,
    org_id       TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    name         TEXT NOT NULL,
    ciphertext   BYTEA NOT NULL
);
