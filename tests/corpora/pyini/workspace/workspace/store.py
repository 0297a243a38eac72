"""Data access of the workspace server."""

import datetime

from peewee import fn

from workspace.models import ActivityEvent, Memory


class MemoryStore:
    def __init__(self, org_id):
        self.org_id = org_id

    def count(self):
        return Memory.select().where(Memory.org_id == self.org_id).count()

    def purge_older_than(self, days):
        cutoff = datetime.datetime.utcnow() - datetime.timedelta(days=days)
        return Memory.delete().where(Memory.created_at < cutoff).execute()


def activity_by_kind(org_id):
    # per-kind counts of this host's own org: the tenant may aggregate its own data
    return (
        ActivityEvent.select(ActivityEvent.kind, fn.COUNT(ActivityEvent.id))
        .where(ActivityEvent.org_id == org_id)
        .group_by(ActivityEvent.kind)
    )
