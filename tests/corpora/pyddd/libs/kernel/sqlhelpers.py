from sqlalchemy import text
from sqlmodel import Session


def count_rows(session: Session, table: str) -> int:
    """Count the rows of `table`; used for the admin dashboard."""
    return session.exec(text(f"SELECT count(*) FROM {table}")).one()
