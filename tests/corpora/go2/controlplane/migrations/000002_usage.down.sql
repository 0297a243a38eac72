DROP TABLE usage_snapshots;
DROP TABLE memory_quotas;
