// Package models holds the gorm models both services map.
package models

import (
	"time"

	"github.com/acme/molecule/pkg/tables"
)

// Memory is one agent memory of a workspace.
type Memory struct {
	ID          string `gorm:"primaryKey"`
	OrgID       string `gorm:"column:org_id"`
	WorkspaceID string `gorm:"column:workspace_id"`
	Content     string
	CreatedAt   time.Time
}

func (Memory) TableName() string { return tables.Memories }

// Schedule is a workspace's cron entry.
type Schedule struct {
	ID          int64
	OrgID       string
	WorkspaceID string
	Cron        string
	NextRunAt   *time.Time
}

func (*Schedule) TableName() string { return "schedules" }

// MemoryQuota is a plan limit kept by the control plane.
type MemoryQuota struct {
	OrgID    string `gorm:"primaryKey"`
	MaxBytes int64
}

func (MemoryQuota) TableName() string { return "memory_quotas" }

// Org uses gorm's default table name, "orgs".
type Org struct {
	ID        string `gorm:"primaryKey"`
	Name      string
	Host      string
	CreatedAt time.Time
}
