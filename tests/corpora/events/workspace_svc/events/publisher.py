from __future__ import annotations

import json

import redis.asyncio as aioredis

from workspace_svc.settings import settings
from workspace_svc.streams import activity_stream, memory_channel

redis = aioredis.from_url(settings.redis.url, decode_responses=True)


async def activity_logged(workspace_id: str, kind: str) -> None:
    await redis.xadd(activity_stream(workspace_id), {"kind": kind, "org_id": settings.molecule_org_id}, maxlen=settings.redis.stream_maxlen)


async def memory_created(workspace_id: str, memory_id: str) -> None:
    await redis.publish(memory_channel(workspace_id), json.dumps({"memory_id": memory_id}))
