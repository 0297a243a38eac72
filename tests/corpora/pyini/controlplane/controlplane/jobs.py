"""Nightly jobs, run by APScheduler inside the `cp-jobs` program."""

from apscheduler.schedulers.blocking import BlockingScheduler
from sqlalchemy import text

from common.sql import count_rows
from controlplane import tenantdb
from controlplane.models import Org


def snapshot_activity(org_id):
    with tenantdb.workspace_engine().connect() as conn:
        return conn.execute(text(count_rows("activity_events", "org_id = :org")), {"org": org_id}).scalar()  # expect: MOL101


def renew_certificate(org_id):
    with tenantdb.billing_engine().connect() as conn:
        conn.execute(text("UPDATE dns_records SET renewed_at = now() WHERE org_id = :org"), {"org": org_id})


JOBS = {
    "renew-certs": renew_certificate,
    "activity-snapshot": snapshot_activity,
}


def schedule(scheduler: BlockingScheduler):
    for org in Org.select():
        for name, func in JOBS.items():
            scheduler.add_job(func, "cron", hour=3, args=[org.id], id="%s:%s" % (name, org.id))
