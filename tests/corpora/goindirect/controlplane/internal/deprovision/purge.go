// Package deprovision tears an org down.
package deprovision

import (
	"context"
	"database/sql"
	"strings"
	"text/template"

	"github.com/orbitlabs/orbit/pkg/tables"
)

var deleteTmpl = template.Must(template.New("delete").Parse(`DELETE FROM {{.Table}} WHERE org_id = $1`))

func deleteStatement(table string) (string, error) {
	var b strings.Builder
	if err := deleteTmpl.Execute(&b, struct{ Table string }{Table: table}); err != nil {
		return "", err
	}
	return b.String(), nil
}

// PurgeEvents removes an org's activity from the workspace cluster after it cancelled.
func PurgeEvents(ctx context.Context, db *sql.DB, orgID string) error {
	stmt, err := deleteStatement(tables.Events)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, stmt, orgID) // expect: MOL101
	return err
}

// PurgeDNS removes an org's zone records: the platform's own table, same template.
func PurgeDNS(ctx context.Context, db *sql.DB, orgID string) error {
	stmt, err := deleteStatement(tables.DNSZones)
	if err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, stmt, orgID)
	return err
}
