// Package orgstore picks the database a request runs against.
package orgstore

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
)

const orgHeader = "X-Lattice-Org"

// dsnTemplate lets one runtime serve the demo orgs from one cluster.
const dsnTemplate = "postgres://runtime:runtime@db:5432/org_%s"

func orgFrom(c echo.Context) string {
	return c.Request().Header.Get(orgHeader)
}

// PoolFor opens the pool of the org named by the request.
func PoolFor(c echo.Context) (*pgxpool.Pool, error) {
	dsn := fmt.Sprintf(dsnTemplate, orgFrom(c))
	return pgxpool.New(c.Request().Context(), dsn) // expect: MOL302
}

// DemoDSN reads a per-org override for the demo environment.
func DemoDSN(c echo.Context) string {
	return os.Getenv("TENANT_DB_URL_" + strings.ToUpper(c.Param("org"))) // expect: MOL302
}

// OwnPool opens this host's database, chosen by MOLECULE_ORG_ID at start-up.
func OwnPool(ctx context.Context) (*pgxpool.Pool, error) {
	return pgxpool.New(ctx, fmt.Sprintf(dsnTemplate, os.Getenv("MOLECULE_ORG_ID")))
}
