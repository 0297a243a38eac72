CREATE TABLE ws_notes (id uuid PRIMARY KEY, org_id uuid NOT NULL, body text NOT NULL, updated_at timestamptz NOT NULL);
CREATE TABLE agent_runs (
    id uuid PRIMARY KEY,
    org_id uuid NOT NULL,
    agent text NOT NULL,
    status text NOT NULL,
    prompt text,
    output text,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE run_events (id bigserial PRIMARY KEY, run_id uuid NOT NULL REFERENCES agent_runs (id), org_id uuid NOT NULL, kind text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
CREATE TABLE schedules (id uuid PRIMARY KEY, org_id uuid NOT NULL, cron text NOT NULL, next_run_at timestamptz NOT NULL);
CREATE TABLE vault_secrets (org_id uuid NOT NULL, name text NOT NULL, ciphertext bytea NOT NULL, rotated_at timestamptz, PRIMARY KEY (org_id, name));
