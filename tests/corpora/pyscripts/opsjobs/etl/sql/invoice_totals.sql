-- Billed cents per account for a period (platform data).
SELECT account_id, sum(amount_cents) AS cents
FROM invoices
WHERE lower(period) >= %(since)s
GROUP BY account_id;
