-- Nightly rollups so the console can chart usage without calling every host.
CREATE TABLE agent_memories_rollup (
    org_id uuid NOT NULL,
    workspace_id uuid NOT NULL,
    content text NOT NULL,
    created_at timestamptz NOT NULL
);

ALTER TABLE orgs ADD COLUMN workspace_secrets jsonb;
ALTER TABLE orgs ADD COLUMN memory_plan_note text;
