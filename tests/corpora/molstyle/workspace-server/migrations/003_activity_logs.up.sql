CREATE TABLE IF NOT EXISTS activity_logs (
    id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id  UUID NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    activity_type TEXT NOT NULL,  -- 'a2a_send', 'a2a_receive', 'task_update'
    summary       TEXT,
    duration_ms   INTEGER,
    created_at    TIMESTAMPTZ DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_activity_ws_time ON activity_logs(workspace_id, created_at DESC);
