-- Schedules that have not fired for a week, all orgs.
SELECT org_id, id, cron FROM schedules WHERE next_run_at < now() - interval '7 days'
