-- Support wants old conversations searchable after an org is offboarded.
CREATE TABLE message_archive ( -- expect: MOL203
    id uuid PRIMARY KEY,
    org_id text NOT NULL,
    workspace_id uuid NOT NULL,
    role text NOT NULL,
    content text NOT NULL,
    created_at timestamptz NOT NULL
);
