"""Tiny SQL builders; callers pass trusted table names only."""


def select_count(table: str, where: str = "") -> str:
    sql = f"SELECT count(*) FROM {table}"
    if where:
        sql += f" WHERE {where}"
    return sql


def select_page(table: str, order_by: str = "created_at") -> str:
    return f"SELECT * FROM {table} WHERE org_id = :org_id ORDER BY {order_by} DESC LIMIT :limit"
