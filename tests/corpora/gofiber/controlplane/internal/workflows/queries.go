package workflows

const (
	countMessagesSQL = `SELECT count(*) FROM messages WHERE org_id = $1`
	listOrgsSQL      = `SELECT id FROM orgs WHERE plan <> 'deleted'`
	staleDNSSQL      = `UPDATE dns_records SET target = $2 WHERE org_id = $1`
)
