"""Facts that differ only in their lines: a line added or removed above code moves it, nothing else.

When a file's new facts are its old ones with every line moved in order (the same
map for every mention of a line, and later lines stay later), every finding built
on them is the old one with its lines moved: the checks compare lines, they never
count them. So an incremental run can move the old findings instead of relinking
the file (incremental.py); suppressions are applied afresh, with the new positions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from molecule_lint.facts import Summary
from molecule_lint.findings import Finding, Hop
from molecule_lint.location import Compact, Location

LineMap = dict[int, int]  # old line -> new line
_LINE_FIELDS = frozenset({"line", "end_line"})  # an int field of these names is a line (Binding.line)
_LINE_TUPLES = frozenset({"lines"})  # a tuple field of these names holds lines (Collection.lines: each entry's)


def line_map(old: tuple[Any, ...], new: tuple[Any, ...]) -> LineMap | None:
    """The map taking ``old`` facts to ``new`` ones, when they differ only in their lines and the map
    keeps their order; else None."""
    moved: LineMap = {}
    if not _alike(old, new, moved):
        return None
    pairs = sorted(moved.items())
    if any(first[1] >= second[1] for first, second in zip(pairs, pairs[1:])):
        return None
    if moved.get(1, 1) != 1:
        del moved[1]  # line 1 is also where a module's body stands, which never moves: a finding there is ambiguous
    return moved


def moved_findings(findings: Iterable[Finding], path: str, moved: LineMap) -> list[Finding] | None:
    """``findings`` with their lines in ``path`` moved; None when one names a line the map does not know."""
    out = []
    hops: dict[Hop, Hop] = {}  # each moved hop made once: findings share it, as the cache stores them (findings.shared)
    for finding in findings:
        loc, trace = finding.loc, finding.trace
        if finding.path == path:
            if loc.line not in moved or loc.end_line not in moved:
                return None
            loc = replace(loc, line=moved[loc.line], end_line=moved[loc.end_line])
        if any(hop.path == path for hop in trace):
            if any(hop.path == path and hop.line not in moved for hop in trace):
                return None
            trace = tuple(_moved_hop(hop, moved, hops) if hop.path == path else hop for hop in trace)
        out.append(finding if loc is finding.loc and trace is finding.trace else replace(finding, loc=loc, trace=trace))
    return out


def _moved_hop(hop: Hop, moved: LineMap, made: dict[Hop, Hop]) -> Hop:
    if hop not in made:
        made[hop] = Hop(hop.path, moved[hop.line], hop.note)
    return made[hop]


def composed(first: LineMap, then: LineMap) -> LineMap:
    """``first`` followed by ``then`` (a line ``then`` does not know is gone)."""
    return {line: then[to] for line, to in first.items() if to in then}


def _alike(old: Any, new: Any, moved: LineMap) -> bool:
    """Are ``old`` and ``new`` the same but for their lines, each old line always going to one new line?
    Fills ``moved`` with those lines (one walk of both: an edited file's facts are compared on every edit)."""
    if type(old) is not type(new):
        return False
    if type(old) is tuple:
        return len(old) == len(new) and all(_alike(a, b, moved) for a, b in zip(old, new))
    if not isinstance(old, Compact):
        return bool(old == new)
    for name in _fields(old):
        a, b = getattr(old, name), getattr(new, name)
        if _fixed(old, name):
            if a != b:
                return False
        elif name in _LINE_FIELDS and type(a) is int:
            if type(b) is not int or moved.setdefault(a, b) != b:
                return False
        elif name in _LINE_TUPLES:
            if len(a) != len(b) or any(moved.setdefault(x, y) != y for x, y in zip(a, b)):
                return False
        elif not _alike(a, b, moved):
            return False
    return True


def ranked(value: Any) -> Any:
    """``value`` with each line it names replaced by its rank among them: what moving it down a file
    keeps, while the order of its parts (which assignment a call reads) stays."""
    lines: list[int] = []
    _collect_lines(value, lines)
    return _with_lines(value, {line: rank for rank, line in enumerate(sorted(set(lines)), 1)})


def _collect_lines(value: Any, out: list[int]) -> None:
    if type(value) is tuple:
        for element in value:
            _collect_lines(element, out)
    elif isinstance(value, Compact):
        for name in _fields(value):
            field = getattr(value, name)
            if _fixed(value, name):
                continue
            if name in _LINE_FIELDS and type(field) is int:
                out.append(field)
            elif name in _LINE_TUPLES:
                out.extend(field)
            else:
                _collect_lines(field, out)


def _with_lines(value: Any, moved: LineMap) -> Any:
    """``value`` with every line mapped (each is in ``moved``: _collect_lines found it)."""
    if type(value) is tuple:
        return tuple(_with_lines(element, moved) for element in value)
    if isinstance(value, Location):
        return Location(moved[value.line], value.column, moved[value.end_line], value.end_column)
    if isinstance(value, Compact):
        fields = (
            field if _fixed(value, name) else moved[field] if name in _LINE_FIELDS and type(field) is int
            else tuple(moved[line] for line in field) if name in _LINE_TUPLES
            else _with_lines(field, moved)
            for name in _fields(value)
            for field in (getattr(value, name),)
        )
        return type(value)(*fields)
    return value


def _fields(value: Compact) -> tuple[str, ...]:
    """A fact's fields in constructor order (slotted dataclasses: how Compact pickles them too)."""
    names: tuple[str, ...] = type(value).__slots__
    return names


def _fixed(value: Compact, name: str) -> bool:
    """A module's body stands at the top of its file (1:1) whatever the file holds: no line of it moves."""
    return name == "loc" and type(value) is Summary and value.kind == "module"
