"""Provisioning probe: a freshly provisioned tenant is live once its memory plugin reports SERVING."""
from __future__ import annotations

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from pylib.gen.memory.v1 import memory_pb2_grpc

SERVICE = "memory.v1.MemoryService"


def serving(slug: str) -> bool:
    with grpc.insecure_channel(f"memory.{slug}.tenants.internal:9090") as channel:
        health = health_pb2_grpc.HealthStub(channel)
        resp = health.Check(health_pb2.HealthCheckRequest(service=SERVICE), timeout=3)
        return resp.status == health_pb2.HealthCheckResponse.SERVING


def has_memory_service(slug: str) -> bool:
    """True when the plugin build exposes MemoryService (the stub is built, never called)."""
    with grpc.insecure_channel(f"memory.{slug}.tenants.internal:9090") as channel:
        return memory_pb2_grpc.MemoryServiceStub(channel) is not None
