-- Seats per plan for the finance dashboard (platform data only).
SELECT b.plan, count(*) AS orgs, sum(u.seats) AS seats
FROM billing_accounts b
JOIN usage_snapshots u ON u.org_id = b.org_id
GROUP BY b.plan;
