"""The ops scheduler process (systemd unit ops-scheduler.service)."""

from apscheduler.schedulers.blocking import BlockingScheduler

from opsjobs.jobs import fleet_report, reconcile, redis_sweep, retention, usage_export

sched = BlockingScheduler(timezone="UTC")


@sched.scheduled_job("cron", hour=2, minute=15)
def nightly():
    usage_export.run("yesterday")
    retention.purge_platform()


sched.add_job(redis_sweep.release_stale_locks, "interval", minutes=5, args=[600])
sched.add_job(reconcile.billed_total, "cron", day=1, hour=4)
sched.add_job(fleet_report.build, "cron", day_of_week="mon", hour=6, args=[["fleet@acme-cloud.io"]])

if __name__ == "__main__":
    sched.start()
