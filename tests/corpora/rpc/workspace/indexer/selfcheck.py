"""Startup self-check: the indexer calls its own MemoryService before it reports ready."""
from __future__ import annotations

import grpc

from pylib.gen.memory.v1 import memory_pb2, memory_pb2_grpc
from workspace.indexer import settings


def ready() -> bool:
    with grpc.insecure_channel(settings.SELF_TARGET) as channel:
        stub = memory_pb2_grpc.MemoryServiceStub(channel)
        try:
            stub.CountMemories(memory_pb2.CountMemoriesRequest(), timeout=2)
        except grpc.RpcError:
            return False
    return True
