SCHEDULES_SQL = "SELECT cron, flow_name FROM schedules WHERE org_id = '{org}'"

ORG_HOSTS_SQL = "SELECT org_id, host FROM orgs"
