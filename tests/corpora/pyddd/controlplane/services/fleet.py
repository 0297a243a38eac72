"""Fleet overview for the ops dashboard."""

from pathlib import Path

import yaml
from dependency_injector.wiring import Provide, inject
from sqlalchemy import text
from sqlalchemy.engine import Engine

from controlplane.adapters.runtime_client import RuntimeAdapter
from controlplane.containers import Container
from controlplane.domain.model import Organization

QUERIES = yaml.safe_load((Path(__file__).parent / "fleet_queries.yaml").read_text())


@inject
async def notebooks_across_fleet(
    orgs: list[Organization], runtime: RuntimeAdapter = Provide[Container.runtime]
) -> int:
    total = 0
    for org in orgs:  # expect: MOL202
        total += len(await runtime.notebooks(org.id))
    return total


@inject
async def fleet_health(orgs: list[Organization], runtime: RuntimeAdapter = Provide[Container.runtime]) -> dict:
    status = {}
    for org in orgs:
        status[org.id] = await runtime.healthy()
    return status


def notebooks_per_org(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(text(QUERIES["notebooks_per_org"])).all())  # expect: MOL101, MOL201


def orgs_per_plan(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return dict(conn.execute(text(QUERIES["orgs_per_plan"])).all())
