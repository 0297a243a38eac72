DROP TABLE messages;
DROP TABLE activity_events;
DROP TABLE memories;
