package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/dialect/entsql"
	"entgo.io/ent/schema"
	"entgo.io/ent/schema/field"
	"github.com/google/uuid"
)

// Activity is one thing an agent did in a workspace.
type Activity struct {
	ent.Schema
}

func (Activity) Annotations() []schema.Annotation {
	return []schema.Annotation{entsql.Annotation{Table: "activities"}}
}

func (Activity) Fields() []ent.Field {
	return []ent.Field{
		field.Int64("id"),
		field.UUID("org_id", uuid.UUID{}),
		field.UUID("workspace_id", uuid.UUID{}),
		field.String("kind"),
		field.JSON("payload", map[string]any{}),
		field.Time("created_at"),
	}
}
