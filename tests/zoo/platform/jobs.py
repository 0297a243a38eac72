"""Per-org jobs: a callback run by a fan-out helper, generators consumed by an accumulator, a loop over
what a function querying the orgs table returns."""

from collections import Counter

from shared.fleet import enabled, for_each_org, memories_of, quota_of  # expect: MOL104


def usage(cur, org):
    return len(memories_of(cur, org))  # expect: MOL101


def quota(cur, org):
    return quota_of(cur, org)


def fleet_usage(cur, orgs):
    per_org = for_each_org(cur, usage)  # expect: MOL202
    total = sum(len(memories_of(cur, o)) for o in orgs)  # expect: MOL202, MOL101
    sizes = Counter(len(memories_of(cur, o)) for o in orgs)  # expect: MOL202, MOL101
    return per_org, total, sizes


def fleet_quotas(cur, orgs):
    quotas = for_each_org(cur, quota)
    total = sum(quota_of(cur, o) for o in orgs)
    return quotas, total


def enabled_digest(cur):
    digest = {}
    for row in enabled(cur):  # expect: MOL202
        digest[row.id] = memories_of(cur, row.id)  # expect: MOL101
    return digest


def enabled_quotas(cur):
    return {row.id: quota_of(cur, row.id) for row in enabled(cur)}
