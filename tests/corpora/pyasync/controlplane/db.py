"""Tortoise setup: the control plane's own database, plus the fleet replica the reports read."""

from typing import Any

from tortoise import Tortoise, connections

from controlplane import config

DEFAULT = "default"
FLEET = "fleet"

TORTOISE_ORM = {
    "connections": {
        DEFAULT: config.DATABASE_URL,
        FLEET: f"postgres://fleet_ro:{config.FLEET_DB_PASSWORD}@{config.FLEET_DB_HOST}:5432/workspace",
    },
    "apps": {
        "controlplane": {"models": ["controlplane.models.billing"], "default_connection": DEFAULT},
        "fleet": {"models": ["controlplane.models.mirror"], "default_connection": FLEET},
    },
}


async def init() -> None:
    await Tortoise.init(config=TORTOISE_ORM)


def primary() -> Any:
    return connections.get(DEFAULT)


def fleet() -> Any:
    return connections.get(FLEET)
