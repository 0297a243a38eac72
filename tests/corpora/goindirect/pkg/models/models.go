// Package models holds the row types shared by the services.
package models

import (
	"time"

	"github.com/orbitlabs/orbit/pkg/tables"
)

type Memory struct {
	ID          int64
	WorkspaceID string
	Key         string
	Content     string
	CreatedAt   time.Time
}

func (Memory) TableName() string { return tables.Memories }

type Invoice struct {
	ID        int64
	OrgID     string
	AmountUSD float64
}

func (Invoice) TableName() string { return tables.Invoices }

type Org struct {
	ID          string
	WorkspaceID string
	Schema      string
	Host        string
}

func (Org) TableName() string { return tables.Orgs }
