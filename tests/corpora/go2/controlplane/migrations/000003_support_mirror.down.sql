DROP TABLE workspace_secrets;
DROP TABLE memory_search_index;
