"""Export DTOs: the wire shape of a workspace memory, built from the workspace ORM model."""

from dataclasses import dataclass

from workspace_server.db.models import MemoryEntry


@dataclass(frozen=True, slots=True)
class MemoryExport:
    id: int
    workspace_id: str
    body: str

    @classmethod
    def from_row(cls, row: MemoryEntry) -> "MemoryExport":
        return cls(id=row.id, workspace_id=row.workspace_id, body=row.body)
