"""Query builders: they name no table themselves."""


def count_sql(table):
    return "SELECT count(*) FROM " + table


def select_sql(table, *columns):
    return "SELECT {} FROM {}".format(", ".join(columns) or "*", table)


def delete_sql(table, org_key="org_id"):
    sql = f"DELETE FROM {table}"
    sql += f" WHERE {org_key} = %s"
    return sql
