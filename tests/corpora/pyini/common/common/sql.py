"""Tiny SQL builders shared by scripts and services."""


def count_rows(table, where=None):
    sql = "SELECT count(*) FROM %s" % table
    if where:
        sql += " WHERE " + where
    return sql


def per_org_counts(table):
    return "SELECT org_id, count(*) FROM {} GROUP BY org_id".format(table)
