"""Weekly digest: a few numbers per org for the account managers."""

import asyncio

from controlplane.clients.workspace import WorkspaceClient
from controlplane.models.billing import Org


async def weekly_activity() -> dict[str, int]:
    orgs = await Org.filter(status="active")
    pages = await asyncio.gather(*(WorkspaceClient(org.api_url).recent_activity(org.workspace_id) for org in orgs))  # expect: MOL202
    return {org.id: len(page) for org, page in zip(orgs, pages)}


async def message_counts() -> dict[str, int]:
    async with asyncio.TaskGroup() as tg:
        tasks = {org.id: tg.create_task(WorkspaceClient(org.api_url).messages(org.workspace_id)) for org in await Org.all()}  # expect: MOL202
    return {org_id: len(task.result()) for org_id, task in tasks.items()}


async def fleet_health() -> dict[str, bool]:
    """Liveness of every org's workspace API; /healthz only."""
    orgs = await Org.all()
    results = await asyncio.gather(*(WorkspaceClient(org.api_url).healthy() for org in orgs))
    return {org.id: ok for org, ok in zip(orgs, results)}
