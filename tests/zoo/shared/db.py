"""Helpers that run what they are given: only their callers' arguments name a table."""


def fetch(cur, table, org_id):
    return cur.execute(f"SELECT * FROM {table} WHERE org_id = %s", (org_id,))


def fetch_many(cur, table, org_ids):
    return [fetch(cur, table, org_id) for org_id in org_ids]


class Repository:
    table: str

    def __init__(self, cur):
        self.cur = cur

    def count(self):
        return self.cur.execute("SELECT count(*) FROM %s" % self.table)
