"""Database wiring of the workspace service."""

from typing import Any

from tortoise import Tortoise, connections

from workspace.settings import settings


async def init() -> None:
    await Tortoise.init(db_url=settings.DATABASES.workspace.url, modules={"models": ["workspace.models"]})


def connection_for(org_id: str) -> Any:
    """Hosted mode: one named connection per org."""
    return connections.get(f"org_{org_id}")
