SELECT *
FROM {{ table }}
WHERE org_id = %(org_id)s
