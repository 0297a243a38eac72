import click
from flask.cli import AppGroup
from fleetlib.reporting import memory_stats  # expect: MOL104

from controlhub.extensions import db
from controlhub.models import Org
from workspace.memories.repository import MemoryRepository  # expect: MOL104

fleet_cli = AppGroup("fleet", help="Fleet maintenance commands.")


@fleet_cli.command("memory-report")
@click.option("--limit", default=20)
def memory_report(limit: int) -> None:
    total = 0
    for org in Org.query.order_by(Org.created_at).limit(limit):  # expect: MOL202
        total += memory_stats(db.session, org.id)["count"]  # expect: MOL101
    click.echo(f"{total} memories")


@fleet_cli.command("purge-memories")
@click.argument("days", type=int)
def purge_memories(days: int) -> None:
    removed = MemoryRepository(db.session).purge_old(days)  # expect: MOL101
    click.echo(f"removed {removed}")


@fleet_cli.command("orgs")
def list_orgs() -> None:
    """List orgs (their agent_memories stay on their hosts)."""
    for org in Org.query.order_by(Org.slug):
        click.echo(org.slug)
