"""Operator commands: `flask sweep ...`."""

import click
import requests
from flask import current_app
from flask.cli import with_appcontext
from redis import Redis
from rq import Queue

from controlhub.models import Org


@click.command("sweep-activity")
@with_appcontext
def sweep_activity() -> None:
    seen = []
    for org in Org.query.filter(Org.workspace_url.isnot(None)).yield_per(100):  # expect: MOL202
        resp = requests.get(f"{org.workspace_url}/workspaces/{org.slug}/activity", timeout=10)  # expect: MOL103
        seen.extend(resp.json()["items"])
    click.echo(f"{len(seen)} events")


@click.command("ping-all")
@with_appcontext
def ping_all() -> None:
    for org in Org.query.all():
        ok = requests.get(f"{org.workspace_url}/healthz", timeout=3).ok
        current_app.logger.info("%s /workspaces/%s/activity reachable: %s", org.slug, org.slug, ok)


def export_queue() -> Queue:
    return Queue("exports", connection=Redis.from_url(current_app.config["EXPORT_REDIS_URL"]))
