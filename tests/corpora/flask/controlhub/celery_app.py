from celery.schedules import crontab

from controlhub import create_app
from controlhub.extensions import celery

flask_app = create_app()


class ContextTask(celery.Task):
    def __call__(self, *args, **kwargs):
        with flask_app.app_context():
            return self.run(*args, **kwargs)


celery.Task = ContextTask
celery.conf.beat_schedule = {
    "activity-rollup": {"task": "controlhub.fleet.tasks.activity_rollup", "schedule": crontab(minute=0)},
    "nightly-export": {"task": "controlhub.fleet.tasks.nightly_export", "schedule": crontab(hour=3, minute=0)},
}
