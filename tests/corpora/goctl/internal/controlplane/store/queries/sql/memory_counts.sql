SELECT org_id, count(*) AS items
FROM agent_memories
GROUP BY org_id;
