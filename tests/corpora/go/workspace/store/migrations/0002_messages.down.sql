DROP TABLE schedules;
DROP TABLE workspace_messages;
