"""Lineage: platform tables that platform code fills with rows it read from tenant data (MOL203's
strongest evidence, and what makes such a table tenant state for MOL201).

A write into a table that is not a tenant table (SQL INSERT/UPDATE, a COPY fed row by row, an ORM
create, bulk_create, insert or update, a model instance added to a session or saved), in platform
code, is fed from tenant data when the statement itself reads a tenant table (`INSERT ... SELECT ...
FROM agent_memories`), or when a value the write call is given derives from a line that reads tenant
rows. Derivation follows the summaries: local bindings and loop variables, subscripts, attributes,
collections, templates, methods of the rows (`.fetchall()`), the constructors of project classes,
row-keeping builtins (`list`, `zip`...), lists grown with rows (`out.append(row)`), the returns of
project functions and what their callers pass them (bounded depth, across modules), and variables a
row is scanned into (Go `rows.Scan(&x)`). An id or org key (`row.workspace_id`) is no state, and a
model field given a whole row is a foreign key. A library function's result (`len(rows)`) or a
figure (`count()`, an aggregate query) is not the rows: never a guess.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from molecule_lint.core.sinks import last_name
from molecule_lint.core.values import MAX_DEPTH, Bound, Frame, Obj, Unit
from molecule_lint.facts import (
    MODULE_SCOPE,
    ORM_WRITES,
    Attr,
    Binding,
    Call,
    CallSite,
    Collection,
    Concat,
    Format,
    Item,
    Lit,
    Location,
    PathJoin,
    Summary,
    Value,
    Var,
)
from molecule_lint.findings import Hop

if TYPE_CHECKING:
    from molecule_lint.linker import Access, Project
    from molecule_lint.sql import SqlAnalysis

RETURN_DEPTH = 3  # how many project functions deep a returned value is followed back to its read
# Builtins (Python, Go) whose result holds the rows they are given.
_KEEPS_ROWS = frozenset({"list", "tuple", "set", "dict", "sorted", "reversed", "zip", "enumerate", "iter", "append"})
# Methods that write the model instances given to them (SQLAlchemy sessions) or their receiver (Django).
_SAVES = frozenset({"add", "add_all", "merge", "bulk_save_objects", "save"})
# Methods that make a figure of rows (Django, SQLAlchemy, Go), not rows.
_FIGURES = frozenset({"count", "exists", "aggregate", "Count", "Exists"})
# Methods that send rows to a COPY in progress (psycopg 3's `copy.write_row(row)`).
_STREAMS = frozenset({"write_row", "write"})
# Methods that put what they are given into their receiver (`out.append(row)`).
_GROWS = frozenset({"append", "extend", "add", "insert", "appendleft", "update"})
# Methods that fill the variables passed to them with a row (database/sql, sqlx, pgx, gorm).
_FILLS_ARGS = frozenset({"Scan", "StructScan", "MapScan", "SliceScan", "ScanStruct", "Select", "Get", "Find",
                         "First", "Take", "Last", "Pluck"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Fill:
    """A platform table written with tenant rows: where, and the chain back to the tenant read."""

    table: str  # the platform table written
    tenant: str  # the tenant table the rows were read from
    path: str
    loc: Location  # the write
    trace: tuple[Hop, ...]  # the write, the values' way back, the read (and what named its table)


@dataclass(frozen=True, slots=True)
class _Origin:
    tenant: str
    hops: tuple[Hop, ...]
    field: bool = False  # a column's value (`row.content`, scanned), not a whole row

    def after(self, hop: Hop) -> _Origin:
        return replace(self, hops=(hop, *self.hops))


Rows = dict[str, dict[int, "Access"]]  # path -> line -> the tenant read there that yields rows


def fills(project: Project, accesses: Mapping[str, list[Access]], known: Rows | None = None) -> tuple[Fill, ...]:
    """Every write of tenant rows into a non-tenant table by platform code, in path and line order.
    ``known``: the row reads of files whose accesses are not given (an incremental run links the changed
    files against the rest of the project as the last full run saw it)."""
    return tuple(_fills(project, accesses, _Tracer(project, accesses, known or {})))


def rows_leave(project: Project, accesses: Mapping[str, list[Access]], known: Rows, paths: set[str]) -> bool:
    """Are tenant rows read in these files passed to a function of another file (a write there may store
    them)? Rows a changed file newly returns to a writer elsewhere are seen by the next full run."""
    tracer = _Tracer(project, accesses, known)
    return any(tracer.leaves(path) for path in sorted(paths) if path in project.files)


def row_reads(project: Project, accesses: Mapping[str, list[Access]]) -> Rows:
    """The tenant reads that yield rows, of every file: what ``fills`` needs of a file it does not link."""
    tracer = _Tracer(project, accesses, {})
    return {path: rows for path in tracer.reads if (rows := tracer.rows(path))}


def _fills(project: Project, accesses: Mapping[str, list[Access]], tracer: _Tracer) -> Iterator[Fill]:
    for path, f in sorted(project.files.items()):
        if f.error is not None or project.plane_of(path) != "platform":
            continue
        found = accesses.get(path, [])
        filled: list[Fill] = []
        for write in found:
            if write.kind != "table" or write.verb != "writes" or write.plane == "tenant":
                continue
            origin = tracer.same_statement(write, found) or tracer.feeding(f.module, path, write)
            if origin is not None:
                filled.append(Fill(write.target, origin.tenant, path, write.loc, (*write.evidence(), *origin.hops)))
        filled += tracer.saved(f.module, path)
        yield from sorted(filled, key=lambda fill: (fill.loc.line, fill.loc.column, fill.table))


def _tenant_read(access: Access) -> bool:
    return access.kind == "table" and access.plane == "tenant" and access.verb == "reads"


class _Tracer:
    def __init__(self, project: Project, accesses: Mapping[str, list[Access]], known: Rows) -> None:
        self.project = project
        self.resolver = project.sinks().resolver
        self.reads: Rows = {}
        for path, found in accesses.items():
            for access in found:
                if _tenant_read(access):
                    self.reads.setdefault(path, {}).setdefault(access.loc.line, access)
        self._rows: Rows = {path: rows for path, rows in known.items() if path not in accesses}
        self._statements: dict[str, dict[int, list[SqlAnalysis]]] = {}
        self._org_keys = frozenset(key.lower() for key in project.config.org_keys)
        self._active: set[tuple[int, Binding]] = set()  # bindings being followed
        self._sites: dict[str, list[tuple[_Scope, CallSite]]] | None = None  # by called name, made on first use
        self._sql_calls = frozenset(name for name, models in project.sinks().models.by_name.items()
                                    if any(model.sink == "sql" for _, model in models))  # fmt: skip

    def rows(self, path: str) -> dict[int, Access]:
        """A file's tenant reads that yield rows: `SELECT count(*) ...` yields figures."""
        if path not in self._rows:
            figures = {line for line, analyses in self._analyses(path).items() if any(a.aggregates for a in analyses)}
            self._rows[path] = {line: a for line, a in self.reads.get(path, {}).items() if line not in figures}
        return self._rows[path]

    def same_statement(self, write: Access, found: list[Access]) -> _Origin | None:
        """`INSERT INTO rollups SELECT ws_id, content FROM agent_memories`: one statement copies tenant rows.
        Not when it copies only org keys and ids (which orgs exist) or aggregates (figures)."""
        read = next((a for a in found if _tenant_read(a) and a.loc == write.loc and a.note == write.note), None)
        if read is None:
            return None
        copies = any(
            not analysis.aggregates and any(c == "*" or not self._identifies(c) for c in analysis.copied)
            for analysis in self._analyses(write.path).get(write.loc.line, ())
        )
        return _Origin(read.target, read.trace) if copies else None

    def _identifies(self, column: str) -> bool:
        return column in self._org_keys or column in ("id", "pk") or column.endswith("_id")

    def feeding(self, module: str, path: str, write: Access) -> _Origin | None:
        """The tenant read a value given to the write call comes from, if any."""
        summary = self._unit_at(path, write.loc.line)
        if summary is None:
            return None
        # the write's own call, or what is streamed to the object it returns (`copy.write_row(row)`)
        streams = {b.name for b in summary.bindings if b.line == write.loc.line}
        for site in summary.calls:
            streamed = (
                isinstance(site.func, Attr) and site.func.name in _STREAMS and site.loc.line > write.loc.line
                and isinstance(site.func.base, Var) and site.func.base.kind == "local" and site.func.base.name in streams
            )  # fmt: skip
            if streamed or site.loc.line <= write.loc.line <= site.loc.end_line:
                scope = _Scope(module, path, summary, site.loc.line)
                orm = last_name(site.func) in ORM_WRITES
                origin = self._given(site.args, site.kwargs, scope, RETURN_DEPTH, fields_only=orm)
                if origin is not None and streamed:
                    return origin.after(Hop(path, site.loc.line, f"`{last_name(site.func)}()` sends it to the write"))
                if origin is not None:
                    return origin
        return None

    def _given(
        self, args: tuple[Value, ...], kwargs: tuple[tuple[str, Value], ...], scope: _Scope, depth: int, fields_only: bool
    ) -> _Origin | None:
        """The origin of what a call is given. A model's field given a whole row (`create(user=user)`) is a
        foreign key: it stores the row's id, not its state."""
        for arg in args:
            if (origin := self._origin(arg, scope, depth)) is not None:
                return origin
        for _, value in kwargs:
            if (origin := self._origin(value, scope, depth)) is not None and (origin.field or not fields_only):
                return origin
        return None

    def saved(self, module: str, path: str) -> Iterator[Fill]:
        """Instances of a platform model built from tenant rows and handed to a session or saved:
        `session.add(Rollup(content=m.content))`, `add_all([...])`, `Rollup(...).save()`."""
        for summary in self.project.file_summaries.get(path, ()):
            for site in summary.calls:
                method = last_name(site.func)
                if method not in _SAVES:
                    continue
                scope = _Scope(module, path, summary, site.loc.line)
                saved = site.args if method != "save" else (site.func.base,) if isinstance(site.func, Attr) else ()
                for element, at in (e for value in saved for e in self._instances(value, scope)):
                    table = self._model_table(element, at)
                    if table is None or self.project.catalog.is_tenant_table(table):
                        continue
                    origin = self._origin(element, at, RETURN_DEPTH)
                    if origin is not None:
                        hop = Hop(path, site.loc.line, f"{method}() -> table `{table}`")
                        yield Fill(table, origin.tenant, path, site.loc, (hop, *origin.hops))
                        break

    def _instances(self, value: Value, scope: _Scope) -> Iterator[tuple[Value, _Scope]]:
        """What a value given to a session holds, each where it is made: the elements of a list, tuple or
        comprehension, and what was appended to a list variable before."""
        for element in _elements(value):
            yield element, scope
            if isinstance(element, Var) and element.kind == "local":
                for site in scope.summary.calls:
                    grows = isinstance(site.func, Attr) and site.func.name in _GROWS and site.func.base == element
                    if grows and site.loc.line < scope.line:
                        at = _Scope(scope.module, scope.path, scope.summary, site.loc.line)
                        yield from ((e, at) for arg in site.args for e in _elements(arg))

    def _model_table(self, value: Value, scope: _Scope) -> str | None:
        """The table of the project model class ``value`` is an instance of."""
        frame = Frame(scope.module, scope.summary.name, None, None, scope.line)
        for resolved in self.resolver.eval(value, frame, MAX_DEPTH):
            if isinstance(resolved, Obj) and isinstance(resolved.cls, Unit):
                model = self.project.models.get(f"{resolved.cls.module}.{resolved.cls.name}")
                if model is not None:
                    return model.table.lower()
        return None

    def _unit_at(self, path: str, line: int) -> Summary | None:
        """The innermost function (else the module body) of a file whose lines hold ``line``."""
        units = [s for s in self.project.file_summaries.get(path, ()) if s.loc.line <= line <= s.loc.end_line]
        functions = [s for s in units if s.kind == "function"]
        if functions:
            return min(functions, key=lambda s: s.loc.end_line - s.loc.line)
        return next((s for s in units if s.name == MODULE_SCOPE), None)

    def _origin(self, value: Value, scope: _Scope, depth: int) -> _Origin | None:
        if isinstance(value, Var):
            if value.kind == "param":
                return self._passed(value.name, scope, depth)
            return self._var(value, scope, depth) if value.kind == "local" else None
        if isinstance(value, (Attr, Item)):
            origin = self._origin(value.base, scope, depth)
            column = _column(value)
            if origin is None or column is None:
                return origin
            return None if self._identifies(column) else replace(origin, field=True)  # an id is no state
        if isinstance(value, Call):
            return self._call(value, scope, depth)
        parts: tuple[Value, ...] = ()
        if isinstance(value, Collection):
            parts = (*value.keys, *value.values)
        elif isinstance(value, (Concat, PathJoin)):
            parts = value.parts
        elif isinstance(value, Format):
            parts = (*value.args, *(v for _, v in value.kwargs))
        return next((o for part in parts if (o := self._origin(part, scope, depth)) is not None), None)

    def _var(self, var: Var, scope: _Scope, depth: int) -> _Origin | None:
        """The last assignment before the use, or a row scanned into the variable before it."""
        # A comprehension binds its variable on the line that uses it; in `x = f(x)` the inner `x` is an
        # earlier one (the binding being followed is skipped, which also ends the walk).
        bindings = [
            b for b in scope.summary.bindings
            if b.name == var.name and b.line <= scope.line and (id(scope.summary), b) not in self._active
        ]
        if bindings:
            binding = bindings[-1]
            self._active.add((id(scope.summary), binding))
            try:
                origin = self._bound(binding.value, binding.line, scope, depth)
            finally:
                self._active.discard((id(scope.summary), binding))
            if origin is not None:
                hop = Hop(scope.path, binding.line, f"`{var.name}` holds the rows")
                return origin.after(hop)
        for site in scope.summary.calls:
            if not (isinstance(site.func, Attr) and site.loc.line < scope.line):
                continue
            at = _Scope(scope.module, scope.path, scope.summary, site.loc.line)
            if site.func.name in _GROWS and site.func.base == var:
                origin = self._given(site.args, (), at, depth, fields_only=False)
                if origin is not None:
                    return origin.after(Hop(scope.path, site.loc.line, f"`{var.name}` gets the rows"))
            elif site.func.name in _FILLS_ARGS and any(_names(arg, var) for arg in site.args):
                origin = self._read_at(scope.path, site.loc.line) or self._origin(site.func.base, at, depth)
                if origin is not None:
                    note = f"`{var.name}` is scanned from a row"
                    return replace(origin.after(Hop(scope.path, site.loc.line, note)), field=True)
        return None

    def _bound(self, value: Value, line: int, scope: _Scope, depth: int) -> _Origin | None:
        if _makes_figure(value):
            return None
        at = _Scope(scope.module, scope.path, scope.summary, line)
        return self._read_at(scope.path, line) or self._origin(value, at, depth)

    def _read_at(self, path: str, line: int) -> _Origin | None:
        read = self.rows(path).get(line)
        return _Origin(read.target, read.evidence()) if read is not None else None

    def _analyses(self, path: str) -> dict[int, list[SqlAnalysis]]:
        """A file's SQL statements by line, as the linker reads them."""
        if path not in self._statements:
            by_line: dict[int, list[SqlAnalysis]] = {}
            f = self.project.files.get(path)
            for fact, _ in self.project.sql_facts(f) if f is not None else ():
                found = self.project.sql(path, fact)
                if found is not None:
                    by_line.setdefault(fact.loc.line, []).append(found[0])
            self._statements[path] = by_line
        return self._statements[path]

    def _call(self, call: Call, scope: _Scope, depth: int) -> _Origin | None:
        if isinstance(call.func, Attr):
            if call.func.name in self._sql_calls and not _makes_figure(call):  # a read written in place
                origin = self._read_at(scope.path, scope.line)
                if origin is not None:
                    return origin
            origin = self._origin(call.func.base, scope, depth)  # a method of the rows (`rows.fetchall()`)
            if origin is not None:
                return origin
        frame = Frame(scope.module, scope.summary.name, None, None, scope.line)
        funcs = self.resolver.eval(call.func, frame, MAX_DEPTH)
        units = [func.method if isinstance(func, Bound) else func for func in funcs if isinstance(func, (Unit, Bound))]
        builtin = not units and isinstance(call.func, Var) and call.func.kind in ("local", "builtin")
        keeps = builtin and call.func.name in _KEEPS_ROWS if isinstance(call.func, Var) else False
        constructs = False
        for unit in units:
            callee = self.resolver.summary(unit.module, unit.name)
            if callee is not None and callee.kind == "class":
                constructs = True
            elif callee is not None and callee.kind == "function" and depth > 0:
                found = self._returned(unit, callee, depth - 1)
                if found is not None:
                    return found
        if keeps or constructs:  # a builtin that keeps the rows it is given, or a constructor of the project's
            return self._given(call.args, call.kwargs, scope, depth, fields_only=constructs)
        return None

    def _passed(self, param: str, scope: _Scope, depth: int) -> _Origin | None:
        """What a caller passes for a parameter (`store(conn, rows)` -> `def store(conn, rows)`), from the
        callers of the unit anywhere in the project (bounded depth)."""
        summary = scope.summary
        names = [p.name for p in summary.params if not p.keyword_only]
        if depth <= 0 or summary.kind != "function" or not any(p.name == param for p in summary.params):
            return None
        for caller, site, method in self._callers(scope.module, summary.name):
            position = names.index(param) - method if param in names else -1
            given = dict(site.kwargs).get(param)
            if given is None and 0 <= position < len(site.args):
                given = site.args[position]
            if given is None:
                continue
            origin = self._origin(given, replace(caller, line=site.loc.line), depth - 1)
            if origin is not None:
                note = f"passes it to `{summary.name.rsplit('.', 1)[-1]}` as `{param}`"
                return origin.after(Hop(caller.path, site.loc.line, note))
        return None

    def leaves(self, path: str) -> bool:
        """Are tenant rows read in this file passed to a function of another file?"""
        module = self.project.files[path].module
        for unit in self.project.file_summaries.get(path, ()):
            scope = _Scope(module, path, unit, 0)
            for site in unit.calls:
                at = replace(scope, line=site.loc.line)
                if self._elsewhere(site, at) and self._given(site.args, site.kwargs, at, 0, False) is not None:
                    return True
        return False

    def _elsewhere(self, site: CallSite, scope: _Scope) -> bool:
        """Does the call run a project function written in another file?"""
        frame = Frame(scope.module, scope.summary.name, None, None, site.loc.line)
        for func in self.resolver.eval(site.func, frame, MAX_DEPTH):
            unit = func.method if isinstance(func, Bound) else func if isinstance(func, Unit) else None
            if unit is not None and self.resolver.unit_path(unit.module, unit.name) != scope.path:
                return True
        return False

    def _callers(self, module: str, name: str) -> Iterator[tuple[_Scope, CallSite, int]]:
        """The call sites of a project function or method (with 1 for a method called on its receiver,
        whose first parameter is that receiver)."""
        if self._sites is None:
            self._sites = {}
            for path, summaries in self.project.file_summaries.items():
                f = self.project.files.get(path)
                for unit in summaries if f is not None else ():
                    for site in unit.calls:
                        short = last_name(site.func)
                        if short and f is not None:
                            self._sites.setdefault(short, []).append((_Scope(f.module, path, unit, 0), site))
        target = Unit(module, name)
        for caller, site in self._sites.get(name.rsplit(".", 1)[-1], ()):
            frame = Frame(caller.module, caller.summary.name, None, None, site.loc.line)
            for func in self.resolver.eval(site.func, frame, MAX_DEPTH):
                if func == target or (isinstance(func, Bound) and func.method == target):
                    yield caller, site, int(isinstance(func, Bound))
                    break

    def _returned(self, unit: Unit, callee: Summary, depth: int) -> _Origin | None:
        path = self.resolver.unit_path(unit.module, unit.name)
        for ret in callee.returns:
            origin = self._bound(ret.value, ret.line, _Scope(unit.module, path, callee, ret.line), depth)
            if origin is not None:
                note = f"`{unit.name.rsplit('.', 1)[-1]}` returns it"
                return origin.after(Hop(path, ret.line, note))
        return None


@dataclass(frozen=True, slots=True)
class _Scope:
    """Where a value is read: a unit of a module, in a file, at a line."""

    module: str
    path: str
    summary: Summary
    line: int


def _elements(value: Value) -> Iterator[Value]:
    """What a list, tuple or comprehension holds (itself when it is none)."""
    if isinstance(value, Collection):
        for item in value.values:
            yield from _elements(item)
    elif isinstance(value, Call) and isinstance(value.func, Var) and value.func.name in ("list", "tuple", "set"):
        for item in value.args:
            yield from _elements(item)
    else:
        yield value


def _column(value: Attr | Item) -> str | None:
    """The column a field access names (`row.content`, `row["content"]`); None for an element (`rows[i]`)."""
    if isinstance(value, Attr):
        return value.name.lower()
    key = value.key
    if isinstance(key, Lit) and isinstance(key.value, str):
        return key.value.lower()
    # `row[1]` is a column; `Item(q(), 0)` is one of a Go call's results (`rows, err := q()`)
    if isinstance(key, Lit) and isinstance(key.value, int) and not isinstance(value.base, Call):
        return f"#{key.value}"
    return None


def _names(value: Value, var: Var) -> bool:
    """`x` or a field of it (`&m.Content`, lowered as `m.Content`)."""
    while isinstance(value, Attr):
        value = value.base
    return value == var


def _makes_figure(value: Value) -> bool:
    """`q.count()`, `q.aggregate(...)`, `len(rows)`: a number made of the rows, not the rows."""
    while isinstance(value, (Item, Attr)):
        value = value.base
    if not isinstance(value, Call):
        return False
    func = value.func
    if isinstance(func, Var) and func.kind == "builtin":
        return func.name not in _KEEPS_ROWS
    return isinstance(func, Attr) and func.name in _FIGURES

