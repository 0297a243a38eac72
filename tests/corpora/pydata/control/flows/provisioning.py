"""Provisioning checks: is every org's runtime up?"""
from prefect import flow, task

from control.clients import RuntimeClient
from control.flows.fleet import org_ids


@task
def probe(org_id: str) -> bool:
    """Calls /healthz only; never /workspaces/{ws}/memories."""
    return RuntimeClient(f"https://{org_id}.runtime.dataplat.io").healthy()


@flow
def check_fleet() -> list[bool]:
    return [f.result() for f in probe.map(org_ids())]  # molecule-lint: ignore[MOL202] -- known false positive, see MISSED.md  expect-suppressed: MOL202
