package tables

// Table is a table name with its own type, so a column is never passed where a table is expected.
type Table string

const (
	ChatMessages   Table = "chat_messages"
	MessageArchive Table = "message_archive"
)

func (t Table) String() string { return string(t) }

// Kind is a kind of workspace record the exporters know.
type Kind int

const (
	KindMemory Kind = iota
	KindEvent
	KindSchedule
)

// Table is where records of the kind live.
func (k Kind) Table() string {
	switch k {
	case KindMemory:
		return Memories
	case KindEvent:
		return Events
	default:
		return Schedules
	}
}
