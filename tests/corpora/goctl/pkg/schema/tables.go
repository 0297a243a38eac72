// Package schema names the tables both binaries touch, so a rename is one edit.
package schema

const (
	TableMemories  = "agent_memories"
	TableActivity  = "activity_logs"
	TableSchedules = "schedules"
	TableSecrets   = "workspace_secrets"

	TableOrgs         = "orgs"
	TableDNSRecords   = "dns_records"
	TableProvisionJob = "provision_jobs"
)
