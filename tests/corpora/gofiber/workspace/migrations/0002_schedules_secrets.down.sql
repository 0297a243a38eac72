DROP TABLE workspace_secrets;
DROP TABLE agent_schedules;
