"""Counts of a run's findings per rule and per service (`--statistics`, the Markdown summary)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any

from molecule_lint.findings import Finding

NO_SERVICE = "(no service)"  # a finding outside every service: a MOL901 on an unmapped file, a config entry


def _ranked(counter: Counter[str]) -> list[tuple[str, int]]:
    """Most findings first; ties by name, so that the same findings give the same order."""
    return sorted(counter.items(), key=lambda item: (-item[1], item[0]))


def by_rule(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    return _ranked(Counter(f.rule for f in findings))


def by_service(findings: Iterable[Finding]) -> list[tuple[str, int]]:
    return _ranked(Counter(f.service or NO_SERVICE for f in findings))


def as_dict(findings: list[Finding]) -> dict[str, Any]:
    """The JSON `statistics` object: {"rules": {id: n}, "services": {name: n}}, most findings first."""
    return {"rules": dict(by_rule(findings)), "services": dict(by_service(findings))}
