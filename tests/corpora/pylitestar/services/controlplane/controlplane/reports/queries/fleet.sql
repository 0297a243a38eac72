-- name: count_memories$
-- Memories of one org (support view).
SELECT count(*) FROM memories WHERE org_id = :org_id;

-- name: activity_totals
-- Activity per org for the weekly fleet mail.
SELECT org_id, count(*) AS events
FROM activity_events
GROUP BY org_id;

-- name: plan_totals
-- How many orgs are on each memory plan (platform tables only).
SELECT max_memories, count(*) AS orgs
FROM memory_plans
GROUP BY max_memories;

-- name: hosts_by_region
SELECT region, count(*) FROM fleet_hosts GROUP BY region;
