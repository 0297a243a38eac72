"""Baselines: record today's findings so CI fails only on new ones.

Entries are keyed by fingerprint (findings.fingerprint): they survive code
moving up or down and unrelated edits, and never merge two violations. The
ratchet: `baseline --update` only removes fixed entries unless growth is
allowed, so a baseline shrinks but never silently grows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from molecule_lint import __version__
from molecule_lint.findings import Finding

FORMAT = "molecule-lint-baseline/1"


class BaselineError(Exception):
    pass


@dataclass(frozen=True, slots=True)
class Entry:
    fingerprint: str
    rule: str
    path: str
    line: int
    message: str

    @classmethod
    def of(cls, finding: Finding) -> Entry:
        return cls(finding.fingerprint, finding.rule, finding.path, finding.loc.line, finding.message)


def read(path: Path) -> list[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("findings"), list):
        raise BaselineError(f"{path}: not a molecule-lint baseline (expected format {FORMAT!r})")
    try:
        return [Entry(**item) for item in data["findings"]]
    except TypeError as exc:
        raise BaselineError(f"{path}: malformed baseline entry: {exc}") from None


def dumps(entries: list[Entry]) -> str:
    document: dict[str, Any] = {
        "format": FORMAT,
        "tool": {"name": "molecule-lint", "version": __version__},
        "findings": [_as_dict(entry) for entry in _sorted(entries)],
    }
    return json.dumps(document, indent=2) + "\n"


def _as_dict(entry: Entry) -> dict[str, Any]:
    return {name: getattr(entry, name) for name in Entry.__slots__}


def _sorted(entries: list[Entry]) -> list[Entry]:
    return sorted(set(entries), key=lambda e: (e.path, e.line, e.rule, e.fingerprint))


def partition(findings: list[Finding], entries: list[Entry]) -> tuple[list[Finding], list[Finding], list[Entry]]:
    """(new findings, baselined findings, fixed entries)."""
    known = {e.fingerprint for e in entries}
    current = {f.fingerprint for f in findings}
    new = [f for f in findings if f.fingerprint not in known]
    old = [f for f in findings if f.fingerprint in known]
    fixed = [e for e in entries if e.fingerprint not in current]
    return new, old, fixed


def updated(existing: list[Entry], findings: list[Finding], allow_growth: bool) -> tuple[list[Entry], int]:
    """The ratcheted baseline, and how many new findings were left out of it."""
    current = [Entry.of(f) for f in findings]
    if allow_growth:
        return current, 0
    known = {e.fingerprint for e in existing}
    kept = [e for e in current if e.fingerprint in known]
    return kept, len(current) - len(kept)
