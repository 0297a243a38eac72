"""pg_dump/pg_restore of an org database, driven by an environs config."""

import subprocess

from environs import Env

env = Env()
env.read_env()

RESTORE_SOURCE = env.str("WORKSPACE_DATABASE_URL", None)  # expect: MOL102
FLEET_DSN = env.str("FLEET_DATABASE_URL")


def dump(path: str) -> None:
    subprocess.run(["pg_dump", "--format=custom", "--file", path, RESTORE_SOURCE], check=True)
