package schema

import (
	"entgo.io/ent"
	"entgo.io/ent/schema/field"
)

// Org is a customer organisation, as the control plane provisions and bills it.
type Org struct {
	ent.Schema
}

func (Org) Fields() []ent.Field {
	return []ent.Field{
		field.String("id"),
		field.String("slug").Unique(),
		field.String("plan"),
		field.Time("suspended_at").Optional().Nillable(),
	}
}
