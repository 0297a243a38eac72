-- name: ListActivity :many
SELECT id, org_id, kind, at FROM activity_events WHERE org_id = $1 ORDER BY at DESC LIMIT $2;

-- name: CountSchedules :one
SELECT count(*) FROM schedules WHERE org_id = $1;
