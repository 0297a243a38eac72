-- depends: 0001_platform
-- Support wanted to read customer conversations without logging into the org's host.
CREATE TABLE support_thread_archive (  -- expect: MOL203
    id            BIGSERIAL PRIMARY KEY,
    org_id        TEXT NOT NULL REFERENCES orgs (id),
    workspace_id  TEXT NOT NULL,
    author        TEXT NOT NULL,
    body          TEXT NOT NULL,
    thread_id     TEXT,
    archived_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
