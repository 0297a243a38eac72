-- Billable seat-hours per org; replaces the old memories/activity_events based estimate.
SELECT org_id, sum(seat_hours) AS seat_hours
FROM billing_usage
WHERE period = date_trunc('month', now())
GROUP BY org_id
