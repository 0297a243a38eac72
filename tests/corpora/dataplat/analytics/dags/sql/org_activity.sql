{# Jinja-templated by Airflow: ds is the logical date. #}
INSERT INTO fleet.org_activity_daily (org_id, day, events)
SELECT org_id, '{{ ds }}'::date, count(*)
FROM activity_events
WHERE created_at >= '{{ ds }}' AND created_at < '{{ next_ds }}'
GROUP BY org_id
