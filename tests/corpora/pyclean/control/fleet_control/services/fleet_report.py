"""Fleet-wide reports, computed by asking every organisation's workspace server."""

from __future__ import annotations

import asyncio
from typing import Any

from fleet_control.adapters.uow import SqlAlchemyUnitOfWork
from fleet_control.adapters.workspace_api import WorkspaceAPI


async def memory_footprint(uow: SqlAlchemyUnitOfWork, api: WorkspaceAPI) -> dict[str, int]:
    with uow:
        orgs = uow.organizations.active()
    pages = await asyncio.gather(*(api.memories(org.workspace_id) for org in orgs))  # expect: MOL202
    return {org.id: len(page) for org, page in zip(orgs, pages)}


async def activity_digest(uow: SqlAlchemyUnitOfWork, api: WorkspaceAPI, since: str) -> dict[str, Any]:
    with uow:
        orgs = uow.organizations.active()
    tasks: dict[str, asyncio.Task[list[dict[str, Any]]]] = {}
    async with asyncio.TaskGroup() as group:
        for org in orgs:  # expect: MOL202
            tasks[org.id] = group.create_task(api.activity(org.workspace_id, since))
    return {org_id: task.result() for org_id, task in tasks.items()}


async def seats_report(uow: SqlAlchemyUnitOfWork, api: WorkspaceAPI) -> dict[str, Any]:
    """Seats per organisation, for invoicing: usage numbers, not workspace contents."""
    with uow:
        orgs = uow.organizations.active()
    usages = await asyncio.gather(*(api.usage(org.workspace_id) for org in orgs))
    return {org.id: usage["seats"] for org, usage in zip(orgs, usages)}
