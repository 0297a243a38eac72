-- Invoices due; memories and activity are billed from the usage snapshot, not read here.
SELECT i.id, i.org_id, i.amount_cents
FROM invoices i
JOIN subscriptions s ON s.org_id = i.org_id
WHERE i.due_at < now() AND i.paid_at IS NULL
