-- Billable usage: one row per org.
SELECT org_id, count(*) AS memories, max(created_at) AS last_write
FROM memories
GROUP BY org_id
