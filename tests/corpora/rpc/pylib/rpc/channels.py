"""gRPC channels to the services we talk to, with retries and keepalive set once."""
from __future__ import annotations

import os

import grpc
import grpc.aio

_OPTIONS = [
    ("grpc.keepalive_time_ms", 30_000),
    ("grpc.enable_retries", 1),
]


def memory_plugin_target() -> str:
    return os.environ.get("MEMORY_PLUGIN_TARGET", "memory-plugin:9090")


def memory_channel() -> grpc.Channel:
    return grpc.insecure_channel(memory_plugin_target(), options=_OPTIONS)


def aio_channel(target: str) -> grpc.aio.Channel:
    return grpc.aio.insecure_channel(target, options=_OPTIONS)
