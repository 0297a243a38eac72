"""Nightly numbers from support's workspace replica."""

from fleetlib.envtools import env_url
from fleetlib.memstats import memory_stats  # expect: MOL104


def replica_numbers(conn) -> dict[str, int]:
    return memory_stats(conn)  # expect: MOL101


def memory_plugin_base() -> str:
    return env_url("MEMORY_PLUGIN_URL")  # expect: MOL102
