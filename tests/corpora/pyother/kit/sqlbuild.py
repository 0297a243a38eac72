"""psycopg 3 statement builders: identifiers are quoted, never pasted."""

from psycopg import sql


def for_org(table: str, *columns: str) -> sql.Composed:
    fields = sql.SQL(", ").join(map(sql.Identifier, columns)) if columns else sql.SQL("*")
    return sql.SQL("SELECT {fields} FROM {table} WHERE org_id = %s").format(fields=fields, table=sql.Identifier(table))


def count_by(table: str, key: str = "org_id") -> sql.Composed:
    return sql.SQL("SELECT {key}, count(*) FROM {table} GROUP BY {key}").format(
        key=sql.Identifier(key), table=sql.Identifier(table)
    )
