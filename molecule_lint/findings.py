"""What checks report and reporters print."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from molecule_lint.location import Compact, Location

SEVERITIES = ("error", "warning", "info")
SEVERITY_RANK = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}  # info 0 < warning 1 < error 2


@dataclass(frozen=True, slots=True)
class Hop(Compact):
    """One step of an evidence chain: where, and what happens there."""

    path: str
    line: int
    note: str


@dataclass(frozen=True, slots=True)
class Finding(Compact):  # Compact: a warm run unpickles thousands of them
    rule: str
    severity: str
    path: str
    loc: Location
    message: str
    service: str | None = None
    target: str | None = None
    trace: tuple[Hop, ...] = ()
    fix: str | None = None
    fingerprint: str = field(default="", compare=False)
    suppressed_by: str | None = field(default=None, compare=False)  # the suppression's reason, for --show-suppressed

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.loc.line, self.loc.column, self.rule, self.message)


def fingerprint(finding: Finding, line_text: str, occurrence: int) -> str:
    """A stable id: rule, file, target and the violating line's text — not its number.

    Moving code up or down keeps it; two identical violations in one file are
    told apart by their order of occurrence.
    """
    trace_shape = "|".join(f"{hop.path}:{hop.note}" for hop in finding.trace[1:])
    key = "\0".join(
        (finding.rule, finding.path, finding.target or "", " ".join(line_text.split()), trace_shape, str(occurrence))
    )
    return hashlib.blake2b(key.encode(), digest_size=10).hexdigest()


def shared(findings: Iterable[Finding]) -> list[Finding]:
    """The findings with equal locations, hops and traces made one object each: the cache pickles each
    once, and reads it back as one (a chain's end is a hop of hundreds of findings)."""
    locs: dict[Location, Location] = {}
    hops: dict[Hop, Hop] = {}
    traces: dict[tuple[Hop, ...], tuple[Hop, ...]] = {}
    out = []
    for finding in findings:
        loc = locs.setdefault(finding.loc, finding.loc)
        trace = tuple(hops.setdefault(hop, hop) for hop in finding.trace)
        trace = traces.setdefault(trace, trace)
        out.append(finding if loc is finding.loc and trace is finding.trace else replace(finding, loc=loc, trace=trace))
    return out
