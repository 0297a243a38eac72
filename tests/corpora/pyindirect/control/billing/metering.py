"""Metering depends on a `RunSource`; the wiring below picks the implementation."""

import psycopg

from kit.ports import RunSource
from workspace.store import PgRunSource  # expect: MOL104


class Meter:
    def __init__(self, source: RunSource) -> None:
        self._source = source

    def billable_runs(self, org_id: str) -> int:
        return sum(1 for run in self._source.recent(org_id) if run["status"] == "done")  # expect: MOL101


def build_meter(conn: psycopg.Connection) -> Meter:
    return Meter(PgRunSource(conn))
