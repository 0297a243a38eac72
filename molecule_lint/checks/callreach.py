"""What a call into non-platform code reaches: the tenant accesses of a function or method of tenant or
shared code, its own (written in its body) or those of the functions it calls in turn, CALL_DEPTH calls
from the platform's. Platform code calling it reaches them at the call (MOL101–MOL103, checks/access.py).

Per function and method, not per top-level unit: a call of `Repo(s).purge()` reaches what `purge` does,
not every method of `Repo`. An access whose table a caller's argument names is not the callee's own: the
core reports it at the call already (core/sinks.py). Nor is one the callee makes of a parameter's default
(`def purge(conn, table="memories")`) when the call binds that parameter to something else: what the call
runs is judged with its arguments, down the calls on the way.

Demand-driven, from the platform's calls: a project of tenant code is not walked for the few calls the
platform makes into it. An incremental run starts from the full run's answers (relink.py), and runs in
full when it needs one about a file it does not hold.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from molecule_lint.core.sinks import HELPER_DEPTH, SinkFact, called_name, last_name, registered
from molecule_lint.core.values import MAX_DEPTH, Bound, Env, Frame, Obj, Unit
from molecule_lint.facts import MODULE_SCOPE, Attr, Call, CallSite, Collection, HttpCall, Item, Summary, Value, Var
from molecule_lint.findings import Hop
from molecule_lint.linker import Access, Project, unit_id

CALL_DEPTH = 3  # calls from the platform's to the access: its own, then two in non-platform code


@dataclass(frozen=True, slots=True)
class Reached:
    """A tenant access a function reaches: the calls on the way (each a hop), then the access."""

    calls: tuple[Hop, ...]
    access: Access

    def rank(self) -> tuple[int, tuple[tuple[str, int], ...], int]:
        return len(self.calls), tuple((h.path, h.line) for h in self.calls), self.access.loc.line


@dataclass(frozen=True, slots=True)
class Entry:
    """A function's reach within some calls: the file it is written in, the nearest access per kind and target."""

    path: str
    reached: tuple[Reached, ...]


Memo = dict[tuple[str, int], Entry]  # by unit id ("pkg.store:Repo.purge") and calls allowed


class Unanswered(Exception):
    """An incremental run needs the reach of a function in a file it does not hold: it must run in full."""


class CallReach:
    def __init__(self, project: Project, accesses: dict[str, list[Access]], memo: Memo | None = None) -> None:
        """``memo``: answers of an earlier run, for functions in files not at hand."""
        self.project = project
        self.accesses = accesses
        self.memo: Memo = dict(memo or {})
        self.sinks = project.sinks()
        self._sites: dict[tuple[int, int, int], list[Unit]] = {}  # by summary identity, site and call in it
        self._names: frozenset[str] | None = None
        self._tenant: dict[str, list[Access]] = {}  # a shared file's tenant accesses, by line
        self._at_calls: dict[str, list[tuple[CallSite, Unit, Reached]]] = {}  # asked per check and per loop (MOL202)

    def at_calls(self, path: str) -> list[tuple[CallSite, Unit, Reached]]:
        """The platform file's calls of non-platform functions that reach tenant data: each with the callee and
        what it reaches (one per kind and target), nearest first."""
        if path not in self._at_calls:
            self._at_calls[path] = list(self._calls_reaching(path))
        return self._at_calls[path]

    def _calls_reaching(self, path: str) -> Iterator[tuple[CallSite, Unit, Reached]]:
        module = self.project.files[path].module
        for summary in self.project.file_summaries.get(path, ()):
            frame = Frame(module, summary.name, None, self.sinks.receiver_of(module, summary.name))
            for index, site in enumerate(summary.calls):
                for callee in self._callees(module, summary, index, site):
                    entry = self.reach(callee, CALL_DEPTH)
                    for reached in entry.reached if entry is not None else ():
                        if self._runs(frame.at(site.loc.line), site, reached.calls, reached.access):
                            yield site, callee, reached

    def reach(self, unit: Unit, depth: int) -> Entry | None:
        """What a non-platform function reaches within ``depth`` calls (its own body being one); None for
        anything else (a platform function's accesses are its own findings)."""
        summary = self.sinks.resolver.summary(unit.module, unit.name)
        path = self.project.unit_paths.get((unit.module, unit.name), "")
        if summary is None or summary.kind != "function" or self.project.plane_of(path) == "platform":
            return None
        key = (unit_id(unit.module, unit.name), depth)
        if key not in self.memo:
            if path not in self.project.files:
                raise Unanswered(key[0])
            self.memo[key] = self._reach(unit, summary, path, depth)
        return self.memo[key]

    def _reach(self, unit: Unit, summary: Summary, path: str, depth: int) -> Entry:
        best: dict[tuple[str, str], Reached] = {}
        for access in self._tenant_accesses(path, summary.loc.line, summary.loc.end_line):
            _keep(best, Reached((), access))
        for hop, access in self._constants_run(unit, summary, path):
            _keep(best, Reached((hop,), access))
        for index, site in enumerate(summary.calls if depth > 1 else ()):
            for callee in self._callees(unit.module, summary, index, site):
                entry = self.reach(callee, depth - 1) if callee != unit else None
                hop = Hop(path, site.loc.line, f"`{summary.name}` calls `{self.display(callee)}`")
                for reached in entry.reached if entry is not None else ():
                    _keep(best, Reached((hop, *reached.calls), reached.access))
        return Entry(path, tuple(sorted(best.values(), key=_order)))

    def _constants_run(self, unit: Unit, summary: Summary, path: str) -> Iterator[tuple[Hop, Access]]:
        """The tenant accesses written at a module-level binding the function hands to a call by name
        (`conn.execute(MEMORY_COUNT)` where `MEMORY_COUNT = text("SELECT ... FROM memories")`, in its own
        module or imported): the statement is reported where it is written, the function runs it."""
        own = {param.name for param in summary.params} | {binding.name for binding in summary.bindings}
        for site in summary.calls:
            for arg in (*site.args, *(value for _, value in site.kwargs)):
                if isinstance(arg, Var) and arg.kind == "local" and arg.name not in own:
                    module, name = unit.module, arg.name
                elif isinstance(arg, Var) and arg.kind == "global":
                    module, _, name = arg.name.rpartition(".")
                else:
                    continue
                body = self.project.summaries.get(module, {}).get(MODULE_SCOPE)
                where = self.sinks.resolver.unit_path(module, MODULE_SCOPE)
                if body is None or self.project.plane_of(where) == "platform":
                    continue
                for line in sorted({binding.line for binding in body.bindings if binding.name == name}):
                    for access in self._tenant_accesses(where, line, line):
                        if access.scope == MODULE_SCOPE:
                            yield Hop(path, site.loc.line, f"`{summary.name}` runs `{name}`"), access

    def _tenant_accesses(self, path: str, first: int, last: int) -> list[Access]:
        """The tenant accesses on these lines of a file a platform call reaches, by line: in tenant code with what
        the core finds there (its units on those lines evaluated, only)."""
        if self.project.plane_of(path) == "tenant":
            return [a for a in self.project.reached_accesses(self.project.files[path], first, last) if a.plane == "tenant"]
        if path not in self._tenant:
            self._tenant[path] = sorted((a for a in self.accesses.get(path, []) if a.plane == "tenant"), key=_line)
        tenant = self._tenant[path]
        return tenant[bisect_left(tenant, first, key=_line) : bisect_right(tenant, last, key=_line)]

    # -- what a call runs with its arguments ----------------------------------------

    def _runs(self, frame: Frame, site: CallSite, calls: tuple[Hop, ...], access: Access) -> bool:
        """Does the call, with the arguments it passes, still run the access its callee reaches alone? The
        callee is the one written where the next hop is; its facts at that hop's line, made with the
        arguments, must hold those it makes alone (a parameter bound to another table: another query)."""
        path, line = (calls[0].path, calls[0].line) if calls else (access.path, access.loc.line)
        found = False
        for unit, summary, env, receiver in self._bindings(frame, site):
            written = self.sinks.resolver.unit_path(unit.module, unit.name)
            if written != path or not summary.loc.line <= line <= summary.loc.end_line:
                continue
            found = True
            alone = self._facts(unit, summary, None, self.sinks.receiver_of(unit.module, unit.name), line)
            if not alone <= self._facts(unit, summary, env, receiver, line):
                continue
            inner = Frame(unit.module, unit.name, env, receiver).at(line)
            if not calls or any(self._runs(inner, s, calls[1:], access) for s in summary.calls if s.loc.line == line):
                return True
        return not found  # a callee not told apart (a module statement run by name): as reached alone

    def _bindings(self, frame: Frame, site: CallSite) -> Iterator[tuple[Unit, Summary, Env, Obj | Unit | None]]:
        """The project functions a call runs (as _callees), each with its parameters and receiver as bound."""
        resolver = self.sinks.resolver
        for call in _calls(site):
            for value in resolver.eval(call.func, frame, MAX_DEPTH):
                unit = value.method if isinstance(value, Bound) else value
                if not isinstance(unit, Unit) or (summary := resolver.summary(unit.module, unit.name)) is None:
                    continue
                receiver: Obj | Unit | None = value.receiver if isinstance(value, Bound) else None
                if summary.kind == "class":
                    receiver, unit = unit, Unit(unit.module, f"{unit.name}.__init__")
                    summary = resolver.summary(unit.module, unit.name)
                if summary is not None and summary.kind == "function":
                    skip = 1 if receiver is not None and not summary.static else 0
                    yield unit, summary, resolver.bind(summary, call, frame, MAX_DEPTH, skip), receiver

    def _facts(
        self, unit: Unit, summary: Summary, env: Env | None, receiver: Obj | Unit | None, line: int
    ) -> frozenset[SinkFact]:
        hits = self.sinks.unit_hits(unit.module, summary, env, receiver, HELPER_DEPTH)
        return frozenset(self._unbased(hit.fact, unit) for hit in hits if hit.fact.loc.line == line)

    def _unbased(self, fact: SinkFact, unit: Unit) -> SinkFact:
        """The request without the base URL a caller's client gives it (`Client(base_url=...)`): the same
        request the method makes alone, unless that base addresses the platform (its own route then)."""
        if not isinstance(fact, HttpCall) or fact.base is None:
            return fact
        base = self.project.render(fact.base, self.sinks.resolver.unit_path(unit.module, unit.name))
        return fact if self.project.url_plane(base) == "platform" else replace(fact, base=None)

    # -- calls ----------------------------------------------------------------

    def _callees(self, module: str, summary: Summary, index: int, site: CallSite) -> list[Unit]:
        """The project functions a call runs: a function, a method (bound or not), a class's `__init__`; also
        those its receiver is made by (`Repo(s).purge()`, `engine().connect()`). Only calls named like a
        non-platform function or class are resolved."""
        found: list[Unit] = []
        for number, call in enumerate(_calls(site)):
            if not self.names().isdisjoint(_names(call.func, summary)):
                resolved = self._resolved(module, summary, (index, number), site.loc.line, call.func)
                found += [unit for unit in resolved if unit not in found]
        return found

    def names(self) -> frozenset[str]:
        """The names of the non-platform functions and classes (a method's own), and those they are imported as
        (`from .store import fetch as recent`)."""
        if self._names is None:
            own = {
                name.rsplit(".", 1)[-1]
                for module, units in self.project.summaries.items() if self.project.module_plane(module) != "platform"
                for name, summary in units.items() if summary.kind in ("function", "class")
            }  # fmt: skip
            aliases = {alias for imports in self.project.imports.values() for alias, fact in imports.items() if fact.name in own}
            registries = {  # `HANDLERS = {"m": read_memories}` of shared code, called as `HANDLERS["m"](cur)`
                binding.name
                for module, units in self.project.summaries.items() if self.project.module_plane(module) != "platform"
                for binding in (units[MODULE_SCOPE].bindings if MODULE_SCOPE in units else ())
                if isinstance(binding.value, Collection) and not own.isdisjoint(registered(binding.value))
            }  # fmt: skip
            self._names = frozenset(own | aliases | registries)
        return self._names

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


def _calls(site: CallSite) -> Iterator[Call]:
    """The calls a call site makes as written: its own, then those its receiver is made by."""
    yield Call(site.func, site.args, site.kwargs)
    func = site.func
    while isinstance(func, (Attr, Item, Call)):
        func = func.func if isinstance(func, Call) else func.base
        if isinstance(func, Call):
            yield func


def _names(func: Value, summary: Summary) -> set[str | None]:
    """The names a call is made by: its own, and for a local, those of what it was assigned (a method value
    `count := repo.Count` then `count(ctx)`, a function `f := store.Load`)."""
    names = {called_name(func)}
    if isinstance(func, Var) and func.kind == "local":
        names |= {last_name(binding.value) for binding in summary.bindings if binding.name == func.name}
    return names


def _keep(best: dict[tuple[str, str], Reached], reached: Reached) -> None:
    key = (reached.access.kind, reached.access.target)
    if key not in best or reached.rank() < best[key].rank():
        best[key] = reached


def _line(access: Access) -> int:
    return access.loc.line


def _order(reached: Reached) -> tuple[object, ...]:
    return reached.rank(), reached.access.kind, reached.access.target


def shapes(memo: Memo) -> dict[tuple[str, int], tuple[tuple[str, ...], ...]]:
    """The answers without lines: what a call of each function reaches, and through which files (a finding
    whose trace runs through a changed file is made anew anyway)."""
    return {
        key: tuple((r.access.kind, r.access.target, r.access.verb, *(h.path for h in r.calls)) for r in entry.reached)
        for key, entry in memo.items()
    }


def relinked(
    project: Project, accesses: dict[str, list[Access]], before: Memo, moved: set[str]
) -> tuple[CallReach, bool] | None:
    """An incremental run's CallReach, from the full run's answers ``before`` and the ``moved`` files; with
    whether the answers kept are exact (lines included: else the next edit must not reuse them). None when
    the moved files change what a call elsewhere reaches, or a question needs a file not at hand."""
    reach = CallReach(project, accesses, {key: entry for key, entry in before.items() if entry.path not in moved})
    renewed: Memo = {}
    try:
        for (key, depth), entry in before.items():
            if entry.path in moved:
                module, _, name = key.rpartition(":")
                again = reach.reach(Unit(module, name), depth)
                if again is not None:
                    renewed[(key, depth)] = again
        for path in sorted(moved):
            if project.plane_of(path) == "platform":
                for _ in reach.at_calls(path):
                    pass
    except Unanswered:
        return None
    stored = {key: entry for key, entry in before.items() if entry.path in moved}
    if shapes(renewed) != shapes(stored):
        return None
    return reach, renewed == stored
