package billing

// meter is one billable dimension: the table whose new rows we count.
type meter struct {
	table string
	unit  string
}

// meters is the usage catalogue. Keep in sync with the pricing page.
var meters = map[string]meter{
	"a2a_calls": {table: "activity_logs", unit: "call"},
	"seats":     {table: "org_members", unit: "seat"},
}

// platformMeters are counted from the control plane's own tables only.
var platformMeters = map[string]meter{
	"provision_runs": {table: "provision_jobs", unit: "run"},
	"dns_changes":    {table: "dns_records", unit: "record"},
}
