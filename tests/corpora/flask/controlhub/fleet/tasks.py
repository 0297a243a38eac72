from celery import chord, group

from controlhub.extensions import celery, db
from controlhub.fleet.mirror import ActivityLog
from controlhub.models import DnsRecord, Org, UsageSnapshot
from controlhub.provisioning.client import WorkspaceClient


@celery.task
def activity_rollup() -> None:
    totals = {}
    for org in Org.query.filter_by(active=True):  # expect: MOL202
        totals[org.id] = ActivityLog.query.filter_by(org_id=org.id).count()  # expect: MOL101
    UsageSnapshot.record(totals)


@celery.task
def export_org_memories(org_id: int) -> list:
    org = db.session.get(Org, org_id)
    return WorkspaceClient(org.workspace_url).export_memories(org.slug)


@celery.task
def merge_exports(results: list) -> int:
    return sum(len(r) for r in results)


@celery.task
def nightly_export() -> None:
    orgs = Org.query.filter_by(active=True).all()
    chord(group(export_org_memories.s(org.id) for org in orgs))(merge_exports.s())  # expect: MOL202


@celery.task
def dns_audit() -> dict:
    counts = {}
    for org in Org.query.all():
        counts[org.slug] = DnsRecord.query.filter_by(org_id=org.id).count()
    return counts
