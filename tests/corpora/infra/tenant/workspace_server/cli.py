"""`workspace-admin` maintenance commands run on the org host."""

import click

from tenant.workspace_server.heartbeat import send_heartbeat


@click.group()
def cli() -> None:
    pass


@cli.command()
@click.option(
    "--platform-url",
    envvar="MOLECULE_PLATFORM_URL",
    default="https://api.molecule.cloud",  # expect: MOL301
    show_default=True,
)
@click.option("--hours", type=int, default=0)
def heartbeat(platform_url: str, hours: int) -> None:
    click.echo(f"reporting to {platform_url}")
    send_heartbeat(hours)
