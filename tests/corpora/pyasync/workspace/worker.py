"""arq worker of the workspace service."""

from typing import Any

from arq.connections import RedisSettings
from tortoise import Tortoise
from tortoise.functions import Count

from workspace import identity
from workspace.models import Memory
from workspace.settings import settings


async def compact_memories(ctx: dict[str, Any], org_id: str) -> int:
    await Tortoise.init(db_url=settings.DATABASES[org_id].url, modules={"models": ["workspace.models"]})  # expect: MOL302
    return await Memory.filter(org_id=org_id, content="").delete()


async def nightly_stats(ctx: dict[str, Any]) -> list[dict[str, Any]]:
    return await Memory.filter(org_id=identity.ORG_ID).annotate(n=Count("id")).group_by("workspace_id").values("workspace_id", "n")


class WorkerSettings:
    functions = [compact_memories, nightly_stats]
    redis_settings = RedisSettings.from_dsn(settings.REDIS_URL)
