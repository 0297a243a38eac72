SELECT org_id, sum(amount_cents) AS total
FROM invoices
GROUP BY org_id
