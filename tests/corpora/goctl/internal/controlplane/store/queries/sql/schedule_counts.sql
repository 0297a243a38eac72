SELECT org_id, count(*) FILTER (WHERE enabled) AS active
FROM schedules
GROUP BY org_id;
