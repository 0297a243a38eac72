// Package orgctx resolves which org this tenant host serves. The answer is
// fixed at boot: MOLECULE_ORG_ID, written by the control plane's user-data.
package orgctx

import (
	"database/sql"
	"fmt"
	"os"
	"sync"
)

var (
	once  sync.Once
	orgID string
)

// OrgID is this host's org, read once.
func OrgID() string {
	once.Do(func() { orgID = os.Getenv("MOLECULE_ORG_ID") })
	return orgID
}

// schemaFor names the schema a given org's tables live in. Self-hosted
// installs that predate org-per-EC2 kept one schema per org.
func schemaFor(org string) string {
	return fmt.Sprintf("org_%s", org)
}

// UseOrgSchema pins the session to the schema of `org`.
func UseOrgSchema(conn *sql.DB, org string) error {
	_, err := conn.Exec("SET search_path TO " + schemaFor(org))
	return err
}

// UseOwnSchema pins the session to this host's org schema.
func UseOwnSchema(conn *sql.DB) error {
	return UseOrgSchema(conn, OrgID())
}
