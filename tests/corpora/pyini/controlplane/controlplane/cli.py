"""cpctl: the operators' command line."""

import click
from sqlalchemy import text

from common import config
from common.sql import per_org_counts
from controlplane import tenantdb
from controlplane.clients import probe


@click.group()
@click.option("--ini", default="production.ini")
@click.pass_context
def cli(ctx, ini):
    ctx.obj = config.load(ini)


@cli.command()
@click.pass_context
def activity_report(ctx):
    """Per-org activity counts across the fleet."""
    engine = tenantdb.workspace_engine_from_settings(ctx.obj)
    with engine.connect() as conn:
        for org_id, n in conn.execute(text(per_org_counts("activity_events"))):  # expect: MOL101, MOL201
            click.echo("%s %d" % (org_id, n))


@cli.command()
@click.argument("host")
def ping(host):
    click.echo("up" if probe(host) else "down")


@cli.command()
@click.pass_context
def invoices_report(ctx):
    engine = tenantdb.billing_engine()
    with engine.connect() as conn:
        for org_id, n in conn.execute(text(per_org_counts("invoices"))):
            click.echo("%s %d" % (org_id, n))
