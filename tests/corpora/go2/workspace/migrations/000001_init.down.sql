DROP TABLE chat_messages;
DROP TABLE run_events;
DROP TABLE workspace_memories;
