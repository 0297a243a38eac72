"""A helper that runs what it is given once per org: the callback is the loop body."""


def memories_of(cur, org_id):
    return cur.execute("SELECT * FROM agent_memories WHERE org_id = %s", (org_id,)).all()


def quota_of(cur, org_id):
    return cur.execute("SELECT * FROM memory_quotas WHERE org_id = %s", (org_id,)).one()


def for_each_org(cur, fn):
    return [fn(cur, org) for org in cur.execute("SELECT id FROM orgs").all()]


def enabled(cur):
    """The orgs to visit: the name says nothing of orgs, the query does."""
    return cur.execute("SELECT id FROM orgs WHERE enabled").all()
