SELECT count(*) FROM workspace_secrets WHERE org_id = :org_id
