package reports

// Table names live here so the report SQL stays readable.
const (
	activityTable  = "activity_events"
	quotaTable     = "memory_quotas"
	scheduleTable  = "schedules"
	orgColumn      = "org_id"
)

var (
	activityPerOrg = "SELECT " + orgColumn + ", count(*) FROM " + activityTable + " GROUP BY " + orgColumn
	quotaPerPlan   = "SELECT plan, sum(max_memories) FROM " + quotaTable + " GROUP BY plan"
)
