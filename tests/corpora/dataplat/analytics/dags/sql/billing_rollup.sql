{# Rolls billing_usage up per org. Not chat_messages or memories: those never leave the org host. #}
INSERT INTO billing_monthly (org_id, month, seat_hours)
SELECT org_id, date_trunc('month', '{{ ds }}'::date), sum(seat_hours)
FROM billing_usage
WHERE day = '{{ ds }}'
GROUP BY org_id
