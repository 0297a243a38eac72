from sqlalchemy import Connection, text

from kit.schema import WsTable

__all__ = ["NoteStore"]


class NoteStore:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def list(self, org_id: str) -> list:
        return self.conn.execute(text(f"SELECT id, body FROM {WsTable.NOTES} WHERE org_id = :org"), {"org": org_id}).all()
