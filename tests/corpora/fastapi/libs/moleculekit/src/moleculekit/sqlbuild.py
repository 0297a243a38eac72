"""Small SQL builders for reports that do not need a mapped model."""

from sqlalchemy import TextClause, text


def count_rows(table: str, *, where: str | None = None) -> TextClause:
    sql = f"SELECT count(*) FROM {table}"
    if where:
        sql += f" WHERE {where}"
    return text(sql)


def latest_rows(table: str, order_by: str = "created_at", limit: int = 100) -> TextClause:
    return text(f"SELECT * FROM {table} WHERE org_id = :org_id ORDER BY {order_by} DESC LIMIT {limit}")
