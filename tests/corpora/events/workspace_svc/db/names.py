MEMORIES = "memories"
ACTIVITY = "activity_events"
