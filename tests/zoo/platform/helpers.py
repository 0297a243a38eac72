"""A shared helper that runs what it is given hides nothing: the finding is at the platform call."""

from shared.db import Repository, fetch, fetch_many
from shared.tables import MEMORY_TABLE, ORGS_TABLE, QUOTA_TABLE


class MemoryRepository(Repository):
    table = MEMORY_TABLE


class QuotaRepository(Repository):
    table = QUOTA_TABLE


def org_memories(cur, org_id):
    return fetch(cur, MEMORY_TABLE, org_id)  # expect: MOL101


def org_row(cur, org_id):
    return fetch(cur, ORGS_TABLE, org_id)


def many(cur, org_ids):
    return fetch_many(cur, MEMORY_TABLE, org_ids)  # expect: MOL101


def counts(cur):
    quotas = QuotaRepository(cur).count()
    return quotas, MemoryRepository(cur).count()  # expect: MOL101, MOL201


def fleet(cur, org_ids):
    totals = []
    for org_id in org_ids:  # expect: MOL202
        totals.append(fetch(cur, MEMORY_TABLE, org_id))  # expect: MOL101
    return totals


def quota_fleet(cur, org_ids):
    totals = []
    for org_id in org_ids:
        totals.append(fetch(cur, QUOTA_TABLE, org_id))
    return totals
