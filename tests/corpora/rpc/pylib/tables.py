"""Table names, shared so report SQL and migrations agree."""

MEMORIES = "memories"
SCHEDULES = "schedules"
ORGS = "orgs"
SUBSCRIPTIONS = "subscriptions"
