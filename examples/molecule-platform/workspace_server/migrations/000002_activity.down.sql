DROP TABLE IF EXISTS workspace_messages;
DROP TABLE IF EXISTS activity_logs;
