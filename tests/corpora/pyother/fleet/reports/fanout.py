"""Fleet-wide dashboards: ask every org's host and add the answers up."""

import asyncio
from concurrent.futures import ThreadPoolExecutor

import aiohttp

from fleet.clients import WorkspaceApi
from fleet.provisioning.hosts import export_activity, wait_ready


def memory_totals(orgs) -> dict[str, int]:
    totals: dict[str, int] = {}
    for org in orgs:  # expect: MOL202
        api = WorkspaceApi(f"https://{org.host}")
        totals[org.id] = len(api.memories(org.default_workspace))
    return totals


async def activity_totals(orgs) -> int:
    async with aiohttp.ClientSession() as session:
        batches = await asyncio.gather(*(export_activity(session, o.host, o.default_workspace) for o in orgs))  # expect: MOL202
    return sum(len(batch) for batch in batches)


def memory_counts_parallel(orgs) -> list[int]:
    def count(org) -> int:
        return len(WorkspaceApi(f"https://{org.host}").memories(org.default_workspace))

    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(count, orgs))  # expect: MOL202


async def readiness(orgs) -> dict[str, bool]:
    async with aiohttp.ClientSession() as session:
        states = await asyncio.gather(*(wait_ready(session, o.host) for o in orgs))
    return {o.id: state for o, state in zip(orgs, states)}
