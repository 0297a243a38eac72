DROP TABLE IF EXISTS activity_logs;
