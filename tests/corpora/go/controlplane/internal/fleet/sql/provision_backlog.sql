SELECT state, count(*) AS n FROM provision_jobs GROUP BY state
