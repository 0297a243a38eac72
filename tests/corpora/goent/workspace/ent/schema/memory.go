package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"entgo.io/ent/schema/index"
	"github.com/google/uuid"
)

// Memory holds the schema definition for the Memory entity.
type Memory struct {
	ent.Schema
}

// Annotations of the Memory.
func (Memory) Annotations() []schema.Annotation {
	return []schema.Annotation{
		entsql.Annotation{Table: "memories"},
	}
}

// Fields of the Memory.
func (Memory) Fields() []ent.Field {
	return []ent.Field{
		field.UUID("id", uuid.UUID{}).Default(uuid.New),
		field.UUID("org_id", uuid.UUID{}),
		field.UUID("workspace_id", uuid.UUID{}),
		field.Text("content"),
		field.Bytes("embedding").Optional(),
		field.Time("created_at"),
	}
}

// Indexes of the Memory.
func (Memory) Indexes() []ent.Index {
	return []ent.Index{index.Fields("org_id")}
}
