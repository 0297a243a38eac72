"""Notebook persistence helpers the runtime shares with its CLI tools."""

from sqlalchemy import text
from sqlalchemy.engine import Connection

from libs.kernel.names import NOTEBOOKS


def load_notebook(conn: Connection, notebook_id: str) -> dict:
    row = conn.execute(text(f"SELECT * FROM {NOTEBOOKS} WHERE id = :id"), {"id": notebook_id}).mappings().one()
    return dict(row)
