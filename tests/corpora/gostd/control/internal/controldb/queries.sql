-- name: ListOrgs :many
SELECT id, name, host FROM orgs ORDER BY id;

-- name: MemoriesPerOrg :many
SELECT org_id, count(*) AS n FROM memories GROUP BY org_id;
