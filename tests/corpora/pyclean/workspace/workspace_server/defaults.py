"""Defaults for a local, single-host install."""

LOCAL_REDIS_URL = "redis://redis:6379/0"
CONTROL_PLANE_FALLBACK = "https://control.fleet.internal"  # expect: MOL301
