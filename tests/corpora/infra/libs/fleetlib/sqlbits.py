"""SQL fragments for reporting jobs."""


def count_per_org(table: str) -> str:
    return f"SELECT org_id, count(*) AS n FROM {table} GROUP BY org_id"


def latest(table: str, column: str = "created_at") -> str:
    return f"SELECT * FROM {table} ORDER BY {column} DESC LIMIT 1"
