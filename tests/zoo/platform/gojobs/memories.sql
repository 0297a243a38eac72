SELECT workspace_id, count(*) FROM agent_memories GROUP BY workspace_id
