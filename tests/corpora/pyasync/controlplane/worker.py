"""arq worker of the control plane: `arq controlplane.worker.WorkerSettings`."""

from typing import Any

from arq import cron
from arq.connections import RedisSettings
from tortoise import Tortoise

from controlplane import config, db
from controlplane.jobs import rollup


async def startup(ctx: dict[str, Any]) -> None:
    await db.init()


async def shutdown(ctx: dict[str, Any]) -> None:
    await Tortoise.close_connections()


class WorkerSettings:
    functions = [rollup.invoice_rollup, rollup.unread_rollup, rollup.quota_report, rollup.org_count]
    cron_jobs = [cron(rollup.unread_rollup, hour=3, minute=0)]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings.from_dsn(config.REDIS_URL)
