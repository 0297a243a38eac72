-- p95 run duration per org, for the SLA dashboard.
SELECT org_id,
       percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95_ms
FROM run_history
WHERE started_at >= %(since)s
GROUP BY org_id;
