package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
)

// Memory is what an agent remembered; rows live on the org's workspace host.
type Memory struct {
	ent.Schema
}

func (Memory) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Annotation{Table: "workspace_memories"}}
}

func (Memory) Fields() []ent.Field {
	return []ent.Field{
		field.String("org_id"),
		field.String("workspace_id"),
		field.Text("content"),
		field.Time("created_at"),
	}
}
