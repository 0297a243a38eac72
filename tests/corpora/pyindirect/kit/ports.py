"""Interfaces the billing code depends on; implementations are injected."""

from typing import Protocol


class RunSource(Protocol):
    def recent(self, org_id: str, limit: int = 100) -> list[dict]: ...
