"""One-off operator commands (`python -m controlplane.ops ...`)."""

import os
import sys

import asyncpg
import anyio

from molecore.envs import Env


def platform_dsn() -> str:
    return os.environ[Env.CONTROLPLANE_DB]


def workspace_dsn() -> str:
    return os.environ[Env.WORKSPACE_DB]  # expect: MOL102


async def main(argv: list[str]) -> None:
    conn = await asyncpg.connect(platform_dsn())
    print(await conn.fetch("SELECT slug, host FROM orgs WHERE slug = $1", argv[1]))


if __name__ == "__main__":
    anyio.run(main, sys.argv)
