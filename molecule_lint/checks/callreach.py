"""What a call into non-platform code reaches: the tenant accesses of a function or method of tenant or
shared code, its own (written in its body) or those of the functions it calls in turn (CALL_DEPTH calls
deep). Platform code calling it reaches them at the call (MOL101–MOL103, checks/access.py).

Per function and method, not per top-level unit: a call of `Repo(s).purge()` reaches what `purge` does,
not every method of `Repo`. An access whose table a caller's argument names is not the callee's own: the
core reports it at the call already (core/sinks.py).

A full run computes the table for every non-platform function; an incremental run keeps the stored one
and recomputes the changed files' entries (relink.py), so both give the same findings.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from molecule_lint.core.sinks import last_name
from molecule_lint.core.values import MAX_DEPTH, Bound, Frame, Unit
from molecule_lint.facts import Attr, Call, CallSite, Item, Summary, Value
from molecule_lint.findings import Hop
from molecule_lint.linker import Access, Project, unit_id

CALL_DEPTH = 3  # calls followed inside non-platform code, the callee's own body being the first


@dataclass(frozen=True, slots=True)
class Reached:
    """A tenant access a function reaches: the calls on the way (each a hop), then the access."""

    calls: tuple[Hop, ...]
    access: Access

    def rank(self) -> tuple[int, tuple[tuple[str, int], ...], int]:
        return len(self.calls), tuple((h.path, h.line) for h in self.calls), self.access.loc.line


@dataclass(frozen=True, slots=True)
class Entry:
    """A function's reach: the file it is written in, and the nearest access per kind and target."""

    path: str
    reached: tuple[Reached, ...]


Table = dict[str, Entry]  # by unit id: "module:name" ("pkg.store:Repo.purge")


class CallReach:
    def __init__(self, project: Project, accesses: dict[str, list[Access]]) -> None:
        self.project = project
        self.accesses = accesses
        self.sinks = project.sinks()
        self._sites: dict[tuple[int, int, int], list[Unit]] = {}  # by summary identity, site and call in it

    # -- the table ------------------------------------------------------------

    def table(self, paths: Iterable[str], stored: Table | None = None) -> Table:
        """The entries of the functions written in non-platform ``paths``; functions elsewhere are taken from
        ``stored`` (an incremental run's), else computed with the rest."""
        paths = set(paths)
        functions = self._functions(paths)
        stored = {key: entry for key, entry in (stored or {}).items() if entry.path not in paths}
        current: Table = {key: Entry(path, own) for key, (path, _, own) in functions.items() if own}
        for depth in range(1, CALL_DEPTH):
            previous = {**_within(stored, depth), **current}
            names = _names(previous)
            found: Table = {}
            for key, (path, (module, summary), own) in functions.items():
                best = {(r.access.kind, r.access.target): r for r in own}
                for index, site in enumerate(summary.calls):
                    for callee in self._callees(module, summary, index, site, names):
                        entry = previous.get(unit_id(callee.module, callee.name))
                        if entry is None or callee == Unit(module, summary.name):
                            continue
                        hop = Hop(path, site.loc.line, f"`{summary.name}` calls `{self.display(callee)}`")
                        for reached in entry.reached:
                            _keep(best, Reached((hop, *reached.calls), reached.access))
                if best:
                    found[key] = Entry(path, tuple(sorted(best.values(), key=_order)))
            current = found
        return current

    def _functions(self, paths: Iterable[str]) -> dict[str, tuple[str, tuple[str, Summary], tuple[Reached, ...]]]:
        """Every function and method of the non-platform files: where it is, and its own tenant accesses."""
        out = {}
        for path in sorted(paths):
            f = self.project.files.get(path)
            if f is None or self.project.plane_of(path) == "platform":
                continue
            tenant = sorted((a for a in self.accesses.get(path, ()) if a.plane == "tenant"), key=lambda a: a.loc.line)
            lines = [a.loc.line for a in tenant]
            for summary in self.project.file_summaries.get(path, ()):
                if summary.kind != "function":
                    continue
                span = tenant[bisect_left(lines, summary.loc.line) : bisect_right(lines, summary.loc.end_line)]
                best: dict[tuple[str, str], Reached] = {}
                for access in span:
                    _keep(best, Reached((), access))
                own = tuple(sorted(best.values(), key=_order))
                out[unit_id(f.module, summary.name)] = (path, (f.module, summary), own)
        return out

    # -- calls ----------------------------------------------------------------

    def _callees(self, module: str, summary: Summary, index: int, site: CallSite, names: frozenset[str]) -> list[Unit]:
        """The project functions a call runs: a function, a method (bound or not), a class's `__init__`; also
        those its receiver is made by (`Repo(s).purge()`, `engine().connect()`). Only calls named like a
        function that reaches something are resolved."""
        found: list[Unit] = []
        for number, func in enumerate(_called(site.func)):
            if last_name(func) in names:
                found += [unit for unit in self._resolved(module, summary, (index, number), site.loc.line, func) if unit not in found]
        return found

    def _resolved(self, module: str, summary: Summary, where: tuple[int, int], line: int, func: Value) -> list[Unit]:
        key = (id(summary), *where)
        if key not in self._sites:
            frame = Frame(module, summary.name, None, self.sinks.receiver_of(module, summary.name)).at(line)
            found: list[Unit] = []
            for value in self.sinks.resolver.eval(func, frame, MAX_DEPTH):
                unit = value.method if isinstance(value, Bound) else value
                if not isinstance(unit, Unit):
                    continue
                callee = self.sinks.resolver.summary(unit.module, unit.name)
                if callee is not None and callee.kind == "class":
                    unit = Unit(unit.module, f"{unit.name}.__init__")  # a construction runs the initialiser
                if unit not in found:
                    found.append(unit)
            self._sites[key] = found
        return self._sites[key]

    def display(self, unit: Unit) -> str:
        name = unit.name.removesuffix(".__init__")
        return f"{self.project.index.display_name(unit.module)}.{name}"

    def at_calls(self, path: str, table: Table) -> Iterator[tuple[CallSite, Unit, Reached]]:
        """The platform file's calls of non-platform functions that reach tenant data: each with the callee and
        what it reaches (one per kind and target), nearest first."""
        f = self.project.files[path]
        names = _names(table)
        for summary in self.project.file_summaries.get(path, ()):
            for index, site in enumerate(summary.calls):
                for callee in self._callees(f.module, summary, index, site, names):
                    entry = table.get(unit_id(callee.module, callee.name))
                    for reached in entry.reached if entry is not None else ():
                        yield site, callee, reached


def _called(func: Value) -> Iterator[Value]:
    """The functions a call site runs as written: its own, then those of the calls its receiver is made by."""
    yield func
    while isinstance(func, (Attr, Item, Call)):
        func = func.func if isinstance(func, Call) else func.base
        if isinstance(func, Call):
            yield func.func


def _keep(best: dict[tuple[str, str], Reached], reached: Reached) -> None:
    key = (reached.access.kind, reached.access.target)
    if key not in best or reached.rank() < best[key].rank():
        best[key] = reached


def _order(reached: Reached) -> tuple[object, ...]:
    return reached.rank(), reached.access.kind, reached.access.target


def _within(table: Table, depth: int) -> Table:
    """The entries as they are ``depth - 1`` calls deep: a shortest chain within more calls, if short enough,
    is the shortest within fewer."""
    out = {}
    for key, entry in table.items():
        kept = tuple(r for r in entry.reached if len(r.calls) < depth)
        if kept:
            out[key] = Entry(entry.path, kept)
    return out


def _names(table: Table) -> frozenset[str]:
    """The names a call of an entry's function is written with: its own, or its class's for `__init__`."""
    names = set()
    for key in table:
        parts = key.rpartition(":")[2].split(".")
        names.add(parts[-2] if parts[-1] == "__init__" and len(parts) > 1 else parts[-1])
    return frozenset(names)


def shapes(table: Table) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The entries without lines: what a platform call of each function reaches, and through which files (a
    finding whose trace runs through a changed file is made anew anyway)."""
    return {
        key: tuple((r.access.kind, r.access.target, r.access.verb, *(h.path for h in r.calls)) for r in entry.reached)
        for key, entry in table.items()
    }
