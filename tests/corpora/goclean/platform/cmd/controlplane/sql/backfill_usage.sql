INSERT INTO billing_events (org_id, kind, quantity)
SELECT org_id, 'schedule', count(*) FROM schedules GROUP BY org_id
