-- Per-workspace stats of this org; "memories across orgs" is the platform's question, not ours.
SELECT workspace_id, count(*) AS memories
FROM memories
WHERE org_id = $1
GROUP BY workspace_id
