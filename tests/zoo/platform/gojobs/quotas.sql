SELECT org_id, count(*) FROM memory_quotas GROUP BY org_id
