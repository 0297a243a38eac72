DROP TABLE activity_events_archive;
