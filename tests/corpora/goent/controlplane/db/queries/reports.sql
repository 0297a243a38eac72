-- name: CountOrgs :one
SELECT count(*) FROM orgs;

-- name: QuotaUsageByOrg :many
SELECT org_id, sum(used_bytes)::bigint AS used FROM memory_quotas
GROUP BY org_id;

-- name: SecretsByOrg :many
SELECT org_id, count(*) AS secrets FROM workspace_secrets
GROUP BY org_id;
