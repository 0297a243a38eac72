CREATE TABLE IF NOT EXISTS workspace_schedules (
    id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    cron_expr    TEXT NOT NULL,
    prompt       TEXT NOT NULL,
    enabled      BOOLEAN NOT NULL DEFAULT true,
    last_run_at  TIMESTAMPTZ
);
