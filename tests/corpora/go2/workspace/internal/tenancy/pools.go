// Package tenancy opens the databases the server works on.
package tenancy

import (
	"database/sql"
	"fmt"
	"sync"

	"github.com/labstack/echo/v4"
)

// dsnTemplate: one logical database per org on the cluster.
const dsnTemplate = "postgres://workspace@postgres:5432/ws_%s?sslmode=disable"

type Pools struct {
	mu    sync.Mutex
	byOrg map[string]*sql.DB
}

func NewPools() *Pools { return &Pools{byOrg: map[string]*sql.DB{}} }

// For returns the database of the org the request is for.
func (p *Pools) For(c echo.Context) (*sql.DB, error) {
	org := c.Request().Header.Get("X-Org-ID")
	p.mu.Lock()
	defer p.mu.Unlock()
	if db, ok := p.byOrg[org]; ok {
		return db, nil
	}
	db, err := sql.Open("pgx", fmt.Sprintf(dsnTemplate, org)) // expect: MOL302
	if err != nil {
		return nil, err
	}
	p.byOrg[org] = db
	return db, nil
}

// Own opens the database of the org this host serves, named by MOLECULE_ORG_ID.
func Own(orgID string) (*sql.DB, error) {
	return sql.Open("pgx", fmt.Sprintf(dsnTemplate, orgID))
}
