"""The indexer's implementation of MemoryService (Python side of the memory plugin)."""
from __future__ import annotations

import grpc
import psycopg

from pylib.gen.memory.v1 import memory_pb2, memory_pb2_grpc
from workspace.indexer import settings
from workspace.indexer.store.memories import MemoryRepository

ORG_METADATA_KEY = "x-molecule-org"


def _caller_org(context: grpc.ServicerContext) -> str:
    return dict(context.invocation_metadata()).get(ORG_METADATA_KEY, settings.ORG_ID)


def _dsn(org: str) -> str:
    return f"{settings.DATABASE_URL}?options=-csearch_path%3Dorg_{org}"


class MemoryServicer(memory_pb2_grpc.MemoryServiceServicer):
    def CountMemories(self, request, context):
        with psycopg.connect(_dsn(_caller_org(context))) as conn:  # expect: MOL302
            n = MemoryRepository(conn).count_for(settings.ORG_ID)
        return memory_pb2.CountMemoriesResponse(count=n)

    def ListMemories(self, request, context):
        with psycopg.connect(settings.DATABASE_URL) as conn:
            rows = conn.execute(
                "SELECT id, content FROM memories WHERE org_id = %s AND workspace_id = %s LIMIT %s",
                (settings.ORG_ID, request.workspace_id, request.page_size or 50),
            ).fetchall()
        return memory_pb2.ListMemoriesResponse(
            memories=[memory_pb2.Memory(id=str(r[0]), content=r[1]) for r in rows]
        )
