from sqlalchemy import text


def row_count(conn, table: str) -> int:
    """Count rows of a table: select count(*) from <table>."""
    return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()
