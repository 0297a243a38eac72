-- Events per org and kind over the last day (fleet dashboard).
SELECT org_id, kind, count(*) AS events
FROM activity_events
WHERE created_at >= now() - interval '1 day'
GROUP BY org_id, kind
