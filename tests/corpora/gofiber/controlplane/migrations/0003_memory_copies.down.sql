DROP TABLE org_memory_copies;
