package store

import "example.com/tally/pkg/tables"

// Org is a provisioned org; the control plane owns this table.
type Org struct {
	ID   string
	Name string
	Host string
}

func (Org) TableName() string { return tables.Orgs }

// Schedule mirrors a runtime's schedule row for the support console.
type Schedule struct {
	ID    int64
	OrgID string
	Cron  string
}

func (Schedule) TableName() string { return tables.Schedules }

// Quota is the plan's memory allowance (platform data; counts are pushed by runtimes).
type Quota struct {
	OrgID        string
	MaxMemories  int
	UsedMemories int
}

func (Quota) TableName() string { return tables.MemoryQuotas }
