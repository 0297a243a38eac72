-- Nightly rollup for the fleet dashboard.
SELECT org_id, date_trunc('day', created_at) AS day, count(*) AS events
FROM activity_logs
GROUP BY org_id, day
