"""Tiny SQL builders for the scripts; identifiers come from acmelib.names, never from users."""


def count_rows(table, where=None):
    parts = ["SELECT count(*) FROM", table]
    if where:
        parts += ["WHERE", where]
    return " ".join(parts)


def per_org_totals(table, column="*"):
    return "SELECT org_id, count(%s) AS n FROM %s GROUP BY org_id" % (column, table)


def copy_out(table, columns="*"):
    return "COPY (SELECT {cols} FROM {table}) TO STDOUT WITH CSV HEADER".format(cols=columns, table=table)


def union_over_schemas(schemas, table):
    return " UNION ALL ".join("SELECT '%s' AS org, count(*) FROM %s.%s" % (s, s, table) for s in schemas)
