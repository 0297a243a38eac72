"""Control-plane settings, read once at import: `from control.settings import settings`."""

import os
from dataclasses import dataclass, field

from kit.envnames import CONTROL_DB, WORKSPACE_DB


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=lambda: _env(CONTROL_DB, "postgresql://control@control-db/control"))
    # Read-only replica of the workspace databases, for the fleet dashboard.
    fleet_database_url: str = field(default_factory=lambda: _env(WORKSPACE_DB))  # expect: MOL102
    dns_zone: str = "molecule.example"
    workspace_port: int = 8000


settings = Settings()
