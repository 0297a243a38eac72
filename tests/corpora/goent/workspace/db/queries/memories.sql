-- name: CountMemoriesForOrg :one
SELECT count(*) FROM memories
WHERE org_id = $1;

-- name: ListRecentActivity :many
SELECT id, workspace_id, kind, payload, created_at FROM activities
WHERE org_id = $1
ORDER BY created_at DESC
LIMIT $2;

-- name: ListDueSchedules :many
SELECT id, org_id, cron, next_run_at FROM schedules
WHERE next_run_at < now();
