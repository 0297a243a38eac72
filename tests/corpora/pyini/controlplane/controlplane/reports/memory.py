"""Memory usage per org, read straight from the workspace models (support tooling)."""

from peewee import fn
from playhouse.db_url import connect

from common import names
from workspace.db import workspace_db  # expect: MOL104
from workspace.models import Memory  # expect: MOL104
from workspace.store import MemoryStore  # expect: MOL104


def attach(settings):
    workspace_db.initialize(connect(settings["workspace.sqlalchemy.url"]))


def memories_per_org():
    query = Memory.select(Memory.org_id, fn.COUNT(Memory.id).alias("n")).group_by(Memory.org_id)  # expect: MOL101, MOL201
    return {row.org_id: row.n for row in query}


def org_memories(org_id):
    return Memory.select().where(Memory.org_id == org_id).count()  # expect: MOL101


def purge_stale(org_id, days=90):
    return MemoryStore(org_id).purge_older_than(days)  # expect: MOL101


def describe():
    """Counts rows of the memories table grouped by org_id (SELECT org_id, count(*) FROM memories)."""
    return names.MEMORIES
