"""Re-import a workspace export: reads rows through the workspace server's own DAO."""

from workspace.store.memories import MemoryDAO


def replay(conn, rows):
    dao = MemoryDAO(conn)
    for row in rows:
        dao.insert(row)
