"""`acme-ops`: the operators' command line."""

import click

from opsjobs.etl import pipeline
from opsjobs.jobs import reconcile, redis_sweep, retention


@click.group()
def cli():
    """Acme operations. GET /api/v1/workspaces/{id}/notes is tenant-only: never call it from here."""


@cli.command()
@click.option("--days", default=400, show_default=True)
def purge(days):
    retention.purge_platform(days)
    click.echo(f"purged platform tables older than {days} days")


@cli.command()
def queues():
    for key, depth in redis_sweep.queue_depths().items():
        click.echo(f"{key}\t{depth}")


@cli.command()
@click.argument("since")
def etl(since):
    click.echo(pipeline.run(since)[1])


@cli.command()
def billed():
    click.echo(reconcile.billed_total())


if __name__ == "__main__":
    cli()
