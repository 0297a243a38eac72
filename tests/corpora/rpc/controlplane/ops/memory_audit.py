"""Audit job: sample a workspace's memories when support escalates a ticket."""
from __future__ import annotations

import logging

from pylib.gen.memory.v1 import memory_pb2, memory_pb2_grpc
from pylib.rpc import channels  # expect: MOL104

log = logging.getLogger(__name__)


def sample_memories(workspace_id: str, size: int = 20) -> list[str]:
    """Return the ids of the latest memories of a workspace (support escalations only)."""
    stub = memory_pb2_grpc.MemoryServiceStub(channels.memory_channel())  # expect: MOL102
    resp = stub.ListMemories(memory_pb2.ListMemoriesRequest(workspace_id=workspace_id, page_size=size))  # expect: MOL103
    log.info("sampled %d memories from workspace %s", len(resp.memories), workspace_id)
    return [m.id for m in resp.memories]
