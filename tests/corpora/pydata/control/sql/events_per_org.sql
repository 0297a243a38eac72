SELECT org_id, count(*) AS events
FROM {{ table }}
WHERE created_at >= '{{ since }}'
GROUP BY org_id
