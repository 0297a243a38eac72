"""Nightly fleet usage rollup (async)."""
from __future__ import annotations

import asyncio

import psycopg

from controlplane.ops.settings import settings
from pylib.gen.memory.v1 import memory_pb2, memory_pb2_grpc
from pylib.rpc.channels import aio_channel

TENANT_TARGET = "memory.{slug}.tenants.internal:9090"


def _org_slugs() -> list[str]:
    with psycopg.connect(settings.database_url) as conn:
        return [row[0] for row in conn.execute("SELECT slug FROM orgs WHERE deleted_at IS NULL")]


async def _count(slug: str) -> int:
    async with aio_channel(TENANT_TARGET.format(slug=slug)) as channel:
        stub = memory_pb2_grpc.MemoryServiceStub(channel)
        resp = await stub.CountMemories(memory_pb2.CountMemoriesRequest())  # expect: MOL103
        return resp.count


async def rollup() -> int:
    total = 0
    for slug in _org_slugs():  # expect: MOL202
        total += await _count(slug)
    return total


if __name__ == "__main__":
    print(asyncio.run(rollup()))
