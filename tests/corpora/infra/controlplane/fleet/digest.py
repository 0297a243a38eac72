"""Weekly fleet digest mailed to the founders."""

import logging

from controlplane.db import engine
from controlplane.fleet.client import WorkspaceClient
from controlplane.provisioner.hosts import HostRepository

log = logging.getLogger(__name__)


def weekly_activity() -> dict[str, int]:
    totals: dict[str, int] = {}
    with engine.connect() as conn:
        hosts = HostRepository(conn).running()
    for host in hosts:  # expect: MOL202
        events = WorkspaceClient(host.public_fqdn).activity("default")
        totals[host.org_id] = len(events)
    return totals


def fleet_health() -> dict[str, bool]:
    """Which org hosts answer /healthz (read by the status page; no agent_memories, no activity)."""
    status: dict[str, bool] = {}
    with engine.connect() as conn:
        hosts = HostRepository(conn).running()
    for host in hosts:
        status[host.org_id] = WorkspaceClient(host.public_fqdn).healthy()
        log.info("probed %s (activity_events untouched)", host.public_fqdn)
    return status
