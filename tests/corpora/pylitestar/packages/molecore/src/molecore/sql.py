"""Tiny SQL helpers: we keep SQL readable and in one place rather than pull in a query builder."""


def select_from(table: str, *columns: str) -> str:
    return f"SELECT {', '.join(columns) or '*'} FROM {table}"


def for_org(statement: str) -> str:
    return statement + " WHERE org_id = $1"


def count_for_org(table: str) -> str:
    return for_org(select_from(table, "count(*)"))
