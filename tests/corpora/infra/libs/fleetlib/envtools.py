"""Small env readers used by every service (12-factor style)."""

import os


def env_url(name: str, default: str | None = None) -> str:
    value = os.environ.get(name, default)
    if not value:
        raise RuntimeError(f"{name} is not set")
    return value.rstrip("/")


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))
