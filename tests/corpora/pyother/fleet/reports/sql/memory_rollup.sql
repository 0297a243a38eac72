SELECT org_id, count(*) AS memories, sum(size_bytes) AS bytes
FROM agent_memories
GROUP BY org_id
