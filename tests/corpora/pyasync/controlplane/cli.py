"""Ops CLI: `python -m controlplane.cli --help`."""

import asyncio

import typer
from tortoise import Tortoise

from controlplane import db
from libs import dbnames

app = typer.Typer(help="Control-plane operations")


async def _purge_secrets(org_id: str) -> None:
    await db.init()
    try:
        await db.fleet().execute_query(f'DELETE FROM "{dbnames.SECRETS}" WHERE org_id = $1', [org_id])  # expect: MOL101
    finally:
        await Tortoise.close_connections()


async def _orphan_dns() -> list[str]:
    await db.init()
    try:
        rows = await db.primary().execute_query_dict(
            "SELECT d.name FROM dns_records d LEFT JOIN orgs o ON o.id = d.org_id WHERE o.id IS NULL"
        )
    finally:
        await Tortoise.close_connections()
    return [row["name"] for row in rows]


@app.command()
def purge_secrets(org_id: str) -> None:
    """Delete an offboarded org's workspace secrets."""
    asyncio.run(_purge_secrets(org_id))


@app.command()
def orphan_dns() -> None:
    """List DNS records whose org is gone."""
    for name in asyncio.run(_orphan_dns()):
        typer.echo(name)


if __name__ == "__main__":
    app()
