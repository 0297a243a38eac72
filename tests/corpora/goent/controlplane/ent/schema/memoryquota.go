package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"
)

// MemoryQuota is an org's plan limit for its memory store. Not the memories themselves.
type MemoryQuota struct {
	ent.Schema
}

func (MemoryQuota) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Annotation{Table: "memory_quotas"}}
}

func (MemoryQuota) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("org_id", uuid.UUID{}),
		field.Int64("limit_bytes"),
		field.Int64("used_bytes"),
	}
}
