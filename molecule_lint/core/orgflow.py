"""Org-id flow (MOL302) on the summaries, for every language: inside one function, where a value of the
request being served enters (core/request_model.py), and where a tracked value — such a request value,
or a parameter — reaches a choice of data store, schema or identity (a connection's target, an env
var's name and a database alias as the library models say, a schema, table or role position in SQL, a
lookup in a mapping named for stores, the org a data-access object is made for, the alias a database
router returns), is returned, is stored in per-request state (a thread-local, a ContextVar), or is
handed to a function of the project. The check (checks/runtime_contract.py) links these across
functions, and from state writes to the reads of that state.

A name read at a line holds what its last assignment before the line held (summaries keep the line of
every assignment); past an equality check with a value that carries nothing tracked (`if org !=
settings.org_id: raise`), it holds nothing tracked. That loses some flows and invents none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from molecule_lint.config import SinkModel
from molecule_lint.core.choices import binds_store_setting, makes_org_identity, marker, names_store, sql_store_markers
from molecule_lint.core.request_model import FIELDED_KINDS, HTTP_HANDLERS, REQUEST_KINDS, request_model
from molecule_lint.core.sinks import last_name
from molecule_lint.core.strings import Parts, brace_format, merge, path_join, percent_format, render
from molecule_lint.core.values import MAX_DEPTH, Bound, External, Frame, Obj, Text, Unit, argument
from molecule_lint.facts import (
    MODULE_SCOPE,
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
    Route,
    Summary,
    Unknown,
    Value,
    Var,
    children,
)
from molecule_lint.naming import mentions_org
from molecule_lint.sql import SQL_COMPOSABLES

if TYPE_CHECKING:
    from molecule_lint.linker import Project

MAX_GETTERS = 8  # getters returning what other getters return, followed this deep
_MAX_NESTING = 100  # values inside values (`a.b.c...`, `x + y + ...`) followed this deep
_DICT = Var("builtin", "dict")

Origins = frozenset[str]
_NONE: Origins = frozenset()
_Tracked = tuple[int | None, str | None, Value, Origins]  # an argument (position or keyword) and what it carries
# Arguments of a connection call that pick the store or the identity; others (`application_name=`) only label it.
_SELECTORS = frozenset(
    {"dsn", "url", "conninfo", "host", "dbname", "database", "db", "user", "username", "options", "connect_args",
     "search_path", "schema", "address", "unix_socket"}
)  # fmt: skip
_SCHEMA_KEYWORDS = frozenset({"schema_translate_map", "search_path"})
_SCHEMA_OWNERS = frozenset({"MetaData", "Table", "declarative_base", "registry", "execution_options"})
_MAP_LOOKUPS = frozenset({"get", "Load", "Get"})  # `ENGINES.get(org)`, Go's `pools.Load(orgID)`


@dataclass(frozen=True, slots=True)
class Entry:
    """Where a runtime value enters a function: a read of the request (``kind`` "header" | "path" | "query"
    | "body" | "cookie", ``name`` what it is read by), what a getter returns (``kind`` "return",
    ``getter`` the function, ``name`` as the code calls it), or a read of per-request state (``kind``
    "state", ``name`` its qualified name)."""

    line: int
    kind: str
    name: str
    getter: Unit | None = None


@dataclass(frozen=True, slots=True)
class Choice:
    """A tracked value choosing a store (``kind``: "connect" | "env" | "sql" | "lookup" | "schema" |
    "identity"), returned ("return"), or stored in per-request ``state`` for later ("state")."""

    loc: Location
    kind: str
    note: str
    state: str = ""


@dataclass(frozen=True, slots=True)
class Handoff:
    """A tracked value passed to parameter ``param`` of a project function."""

    loc: Location
    callee: Unit
    param: str
    note: str


@dataclass
class Flows:
    """What one function does with the values it tracks, by origin (a parameter's name, or "!n" for an entry)."""

    entries: dict[str, Entry] = field(default_factory=dict)
    choices: dict[str, list[Choice]] = field(default_factory=dict)
    handoffs: dict[str, list[Handoff]] = field(default_factory=dict)


class OrgFlow:
    """The flows of the project's functions, each computed once for the origins asked about."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.sinks = project.sinks()
        self.resolver = self.sinks.resolver
        self._flows: dict[tuple[Unit, Origins], Flows] = {}
        self._routes: dict[tuple[str, str], str] = {}  # (module, function) -> the path it serves
        self._states: dict[str, tuple[str, dict[str, str]] | None] = {}
        self._parts: dict[Unit, str | None] = {}  # function -> the part of the request it returns
        self._stored: dict[str, str] | None = None  # state key -> the part of the request stored under it
        self._depth = 0  # flows being computed, one inside another (a getter's, asked by its caller's)
        self._url_views: frozenset[Unit] | None = None
        self._jobs: dict[Unit, int] | None = None
        self._decorators: dict[Unit, tuple[str, ...]] = {}
        self._nested: dict[str, dict[str, list[tuple[str, Summary]]]] = {}  # module -> function -> its closures
        # Whether a broker consumer's records can be met at all: values are resolved to find one only then.
        packages = request_model().consumer_packages()
        self.consumes = any(
            fact.module.split(".")[0] in packages for imports in project.imports.values() for fact in imports.values()
        )
        for path, f in project.files.items():
            for fact in f.facts:
                if isinstance(fact, Route) and fact.scope and path.endswith(".py"):
                    self._routes.setdefault((f.module, fact.scope), fact.path)

    def summary(self, unit: Unit) -> Summary | None:
        found = self.resolver.summary(unit.module, unit.name)
        return found if found is not None and found.kind == "function" else None

    def path(self, unit: Unit) -> str:
        return self.resolver.unit_path(unit.module, unit.name)

    def of(self, unit: Unit, params: Origins) -> Flows:
        """The function's entries, and what it does with them and with the parameters ``params``."""
        key = (unit, params)
        if key not in self._flows:
            self._flows[key] = Flows()  # a getter calling itself returns nothing new through itself
            summary = self.summary(unit)
            if summary is not None and self._depth < MAX_GETTERS:  # getters of getters: a bounded chain
                self._depth += 1
                try:
                    self._flows[key] = _Function(self, unit, summary, params).run()
                finally:
                    self._depth -= 1
        return self._flows[key]

    def returned_part(self, unit: Unit) -> str | None:
        """The part of the request a function returns (a dependency returning a token's claims), else None."""
        if unit not in self._parts:
            self._parts[unit] = None  # a getter calling itself
            summary = self.summary(unit)
            if summary is not None and self._depth < MAX_GETTERS:
                self._depth += 1
                try:
                    function = _Function(self, unit, summary, _NONE)
                    parts = (function._container(ret.value, ret.line) for ret in summary.returns)
                    self._parts[unit] = next((part for part in parts if part is not None), None)
                finally:
                    self._depth -= 1
        return self._parts[unit]

    def stored_part(self, key: str) -> str | None:
        """The part of the request the project stores in per-request state under a key (a token's claims kept
        in Go's request context: `context.WithValue(ctx, claimsKey{}, claims)`), else None."""
        if self._stored is None:
            self._stored = {}
            model = request_model()
            for module, units in self.project.summaries.items():
                for summary in units.values():
                    stores = [site for site in summary.calls if isinstance(site.func, Var) and site.func.kind == "global"
                              and model.keyed_store(site.func.name) is not None]  # fmt: skip
                    if stores and summary.kind == "function":
                        function = _Function(self, Unit(module, summary.name), summary, _NONE)
                        for site in stores:
                            function.store_part(site, self._stored)
        return self._stored.get(key)

    def returns_entry(self, unit: Unit) -> bool:
        """Whether a function returns a value of the request it is given (a getter of the request's org)."""
        return any(c.kind == "return" for choices in self.of(unit, _NONE).choices.values() for c in choices)

    def nested(self, unit: Unit) -> list[tuple[str, Summary]]:
        """The functions defined directly in a function (`def work(): ...` inside it)."""
        if unit.module not in self._nested:  # indexed once a module: a Go package has thousands of functions
            by_outer: dict[str, list[tuple[str, Summary]]] = defaultdict(list)
            for name, summary in sorted(self.project.summaries.get(unit.module, {}).items()):
                if summary.kind == "function" and "." in name:
                    by_outer[name.rpartition(".")[0]].append((name, summary))
            self._nested[unit.module] = by_outer
        path = self.resolver.unit_path(unit.module, unit.name)
        return [
            (name, summary) for name, summary in self._nested[unit.module].get(unit.name, ())
            if self.resolver.unit_path(unit.module, name) == path
        ]  # fmt: skip

    def route(self, unit: Unit) -> str | None:
        """The path a view function serves, or a class-based view's handler (`@ns.route("/x") class X(Resource)`
        with `def get(self, ...)`) by its class's route."""
        owner, _, method = unit.name.rpartition(".")
        by_class = self._routes.get((unit.module, owner)) if owner and method in HTTP_HANDLERS else None
        return self._routes.get((unit.module, unit.name)) or by_class

    def decorators(self, unit: Unit, summary: Summary) -> tuple[str, ...]:
        """A function's decorators by qualified name (`Summary.decorators`), and by the library names the core
        resolves them to: a method of a library object (`@app.task` of `app = Celery(...)` in any module is
        `celery.Celery.task`, `@router.get(...)` of an `APIRouter()` is `fastapi.APIRouter.get`), a re-export."""
        if unit not in self._decorators:  # asked once for the URL's kwargs, once for messages
            frame = Frame(unit.module, MODULE_SCOPE)
            made = (w.func if isinstance(w, Call) else w for w in summary.wrappers)
            names = (v.name for w in made for v in self.resolver.eval(w, frame, MAX_DEPTH) if isinstance(v, External))
            self._decorators[unit] = tuple(dict.fromkeys((*summary.decorators, *names)))
        return self._decorators[unit]

    def takes_url_kwargs(self, unit: Unit, summary: Summary) -> bool:
        """Is the function a view the framework calls with the URL's kwargs: a DRF `@action`, a handler
        method of a class-based view, a function view a URL configuration names?"""
        model = request_model()
        if model.takes_url_kwargs(self.decorators(unit, summary)) or unit in self.url_views():
            return True
        owner, _, method = unit.name.rpartition(".")
        handler = method in model.view_methods and any(model.parameter_kind(p) == "request" for p in summary.params)
        cls = self.resolver.summary(unit.module, owner) if owner and handler else None
        bases = self.resolver.library_bases(Unit(unit.module, owner), MAX_DEPTH) if cls and cls.kind == "class" else ()
        return any(model.is_view(base) for base in bases)

    def runs_messages(self, unit: Unit, summary: Summary) -> bool:
        """Is the function a task or actor a queue runs with a message's contents: decorated by a library
        function (`@dramatiq.actor`) or by a method of a library object (`@app.task` of `app = Celery(...)`)?"""
        return request_model().runs_messages(self.decorators(unit, summary))

    def listed_jobs(self) -> dict[Unit, int]:
        """The functions a worker settings class lists as jobs (arq's `functions = [sync]`), each with the number
        of leading parameters the worker fills itself."""
        if self._jobs is None:
            rule = request_model().job_lists
            found: dict[Unit, int] = {}
            for module, units in self.project.summaries.items():
                for summary in units.values():
                    if summary.kind != "class" or not any(b.name == rule["marker"] for b in summary.bindings):
                        continue
                    for binding in summary.bindings:
                        if binding.name not in rule["attributes"] or not isinstance(binding.value, Collection):
                            continue
                        frame = Frame(module, summary.name, line=binding.line)
                        for job in binding.value.values:
                            job = job.args[0] if isinstance(job, Call) and job.args else job  # `cron(job, hour=3)`
                            found.update((u, rule["context"]) for u in self.resolver.eval(job, frame, MAX_DEPTH) if isinstance(u, Unit))
            self._jobs = found
        return self._jobs

    def url_views(self) -> frozenset[Unit]:
        """The functions the project's URL configurations route to (`path("orgs/<org_id>/", views.export)`)."""
        if self._url_views is None:
            confs = request_model().url_confs
            found: set[Unit] = set()
            for module, units in self.project.summaries.items():
                for summary in units.values():
                    for site in summary.calls:
                        func = site.func
                        index = confs.get(func.name) if isinstance(func, Var) and func.kind == "global" else None
                        if index is None:
                            continue
                        given = [*site.args[index : index + 1], *(value for key, value in site.kwargs if key == "view")]
                        frame = Frame(module, summary.name, line=site.loc.line)
                        views = (v for view in given for v in self.resolver.eval(view, frame, MAX_DEPTH))
                        found.update(v for v in views if isinstance(v, Unit))
            self._url_views = frozenset(found)
        return self._url_views

    def state(self, qualified: str, frame: Frame) -> tuple[str, dict[str, str]] | None:
        """The per-request state object (its qualified name and model) a module-level name is, else None."""
        if qualified not in self._states:
            self._states[qualified] = None
            for resolved in self.resolver.eval(Var("global", qualified), frame, MAX_DEPTH):
                cls = resolved.cls if isinstance(resolved, Obj) else None
                rule = request_model().state_rule(cls) if isinstance(cls, str) else None
                if rule is not None:
                    self._states[qualified] = (qualified, rule)
        return self._states[qualified]


class _Function:
    """One function's analysis: the origins of its values, line by line, and where they go."""

    def __init__(
        self, flow: OrgFlow, unit: Unit, summary: Summary, params: Origins, outer: _Function | None = None
    ) -> None:
        """``outer``: the function a nested one is defined in; its names are the nested one's too."""
        self.flow, self.unit, self.summary, self.params, self.outer = flow, unit, summary, params, outer
        self.model = request_model()
        self.flows: Flows = outer.flows if outer is not None else Flows()
        self.bindings: dict[str, list[Binding]] = {}  # by name, in line order
        for binding in sorted(summary.bindings, key=lambda b: b.line):
            self.bindings.setdefault(binding.name, []).append(binding)
        self._lines = {name: [b.line for b in bound] for name, bound in self.bindings.items()}
        self._field_guards = any("." in guard.name for guard in summary.guards)
        self.declared: dict[str, Origins] = {}  # parameter -> the entry it is (FastAPI `Header()`, a route's)
        self.containers: dict[str, str] = {}  # parameter -> the part of a request it is
        self._memo: dict[tuple[int, int], Origins] = {}  # (id of a value, line): what it carries there
        self._nesting = 0  # values being evaluated one inside another
        self._active: set[int] = set()  # bindings being evaluated
        # (kind, id of value, origin): each choice once
        self._seen: set[tuple[str, int, str]] = outer._seen if outer is not None else set()
        self.receiver = flow.sinks.receiver_of(unit.module, unit.name)
        decoders = self.model.decoder_names()
        self._decoders = [c for c in summary.calls if isinstance(c.func, Attr) and c.func.name in decoders]
        self._parameters()

    def run(self) -> Flows:
        for site in sorted(self.summary.calls, key=lambda s: (s.loc.line, s.loc.column)):
            self._site(site)
        for binding in (*self.summary.bindings, *self.summary.returns):
            self._walk(binding.value, _at(binding.line))
        for name, nested in self.flow.nested(self.unit):  # closures: they see this function's names
            _Function(self.flow, Unit(self.unit.module, name), nested, _NONE, self).run()
        if self.outer is not None:
            return self.flows  # what a closure returns is not what its function returns
        alias = self.unit.name.rpartition(".")[2] in self.model.alias_returns
        for ret in self.summary.returns:
            for origin in sorted(self.origins(ret.value, ret.line)):
                if origin in self.flows.entries:  # a getter of the request's org: its callers take it as an entry
                    self._choice(origin, Choice(_at(ret.line), "return", "returned"))
                if alias:  # the framework opens the store named by what it returns
                    note = f"the database alias `{self.unit.name.rpartition('.')[2]}` returns"
                    self._choice(origin, Choice(_at(ret.line), "connect", note))
        return self.flows

    # -- parameters ------------------------------------------------------------------

    def _parameters(self) -> None:
        route = self.flow.route(self.unit)
        url_kwargs = self.flow.takes_url_kwargs(self.unit, self.summary)
        filled = self.flow.listed_jobs().get(self.unit)  # the worker's own leading parameters (arq's `ctx`)
        message = filled is not None or self.flow.runs_messages(self.unit, self.summary)
        line = self.summary.loc.line
        for param in self.summary.params[filled or 0 :]:
            kind = self.model.parameter_kind(param)
            if kind is not None:
                self.containers[param.name] = kind
                continue
            if message and param.name not in ("self", "cls"):  # `@actor def sync(org_id)`, `(self, payload)`
                if mentions_org(param.name):
                    self.declared[param.name] = frozenset({self._entry(Entry(line, "message", param.name))})
                else:
                    self.containers[param.name] = "body"
                continue
            declared = self.model.declared(param)
            if declared is not None and declared[2] is not None:  # `Depends(current_org)`
                getter = self._function(declared[2], line)
                part = self.flow.returned_part(getter) if getter is not None else None
                if part is not None:  # `Depends(current_claims)`: the part of the request it returns
                    self.containers[param.name] = part
                    continue
                entry = Entry(line, "return", _shown(declared[2]), getter) if getter is not None else None
            else:
                entry = Entry(line, declared[0], declared[1]) if declared is not None else None
            if entry is not None:
                self.declared[param.name] = frozenset({self._entry(entry)})
            elif declared is None and (route is not None or url_kwargs) and param.name not in ("self", "cls"):
                if self.model.is_body_model(param.annotation):  # a route's others
                    self.containers[param.name] = "body"
                else:
                    where = "path" if url_kwargs or _in_path(param.name, route or "") else "query"
                    self.declared[param.name] = frozenset({self._entry(Entry(line, where, param.name))})

    # -- origins -----------------------------------------------------------------------

    def origins(self, value: Value, line: int) -> Origins:
        """The origins whose data ``value``, read at ``line``, carries."""
        if isinstance(value, Lit):
            return _NONE
        key = (id(value), line)
        found = self._memo.get(key)
        if found is None:
            if self._nesting >= _MAX_NESTING:  # a value nested deeper than code is written: given up
                return _NONE
            self._memo[key] = _NONE  # a value that reads itself
            self._nesting += 1
            try:
                found = self._memo[key] = self._origins(value, line)
            finally:
                self._nesting -= 1
        return found

    def _origins(self, value: Value, line: int) -> Origins:
        if isinstance(value, Attr) and self._guarded_field(value, line):
            return _NONE
        entry = self._read(value, line)
        if entry is not None:
            return frozenset({entry})
        if isinstance(value, Var):
            if value.kind == "param":
                if self._guarded(value.name, 0, line):
                    return _NONE
                tracked = frozenset({value.name}) if value.name in self.params else _NONE
                return self.declared.get(value.name) or tracked
            return self._local(value.name, line) if value.kind == "local" else _NONE
        if isinstance(value, Attr):
            found = self.origins(value.base, line)
            return found or (self._context_field(value.base, line) if mentions_org(value.name) else _NONE)
        if isinstance(value, Item):
            if self._lookup(value, line) is not None:
                return _NONE  # the store it picked is reported where it is picked, not again where it is used
            if isinstance(value.base, Var) and value.base.kind == "global":  # `os.environ[...]`, `connections[...]`
                if self._store_call(Call(Attr(value.base, "__getitem__"), (value.key,)), line):
                    return _NONE
            return self.origins(value.base, line) | self.origins(value.key, line)
        if isinstance(value, (Concat, Format)):
            return _NONE if self._sql(value, line)[0] else self._union(children(value), line)
        if isinstance(value, Call):
            return self._call(value, line)
        return self._union(children(value), line)

    def _union(self, values: Iterator[Value] | tuple[Value, ...], line: int) -> Origins:
        out = _NONE
        for value in values:
            out |= self.origins(value, line)
        return out

    def _local(self, name: str, line: int) -> Origins:
        if len(self._active) >= MAX_DEPTH:  # `x = x + y` line after line: an older value is given up, not chased
            return _NONE
        eligible = self._before(name, line)
        if not eligible and self.outer is not None and name not in self.bindings:  # the outer function's name
            outer = self.outer
            kind = "param" if any(p.name == name for p in outer.summary.params) else "local"
            return outer.origins(Var(kind, name), self.summary.loc.line)
        if not eligible:
            return _NONE
        chosen = [eligible.pop()]
        while chosen[-1].branch and eligible and len(chosen) <= 2:  # one made in a branch may not have run
            chosen.append(eligible.pop())
        if self._guarded(name, chosen[0].line, line):
            return _NONE
        out = _NONE
        for binding in chosen:
            self._active.add(id(binding))
            try:
                out |= self.origins(binding.value, binding.line)
            finally:
                self._active.discard(id(binding))
        return out

    def _before(self, name: str, line: int) -> list[Binding]:
        """The assignments to a name up to a line, the last few (at most MAX_DEPTH are being evaluated)."""
        end = bisect_right(self._lines.get(name, ()), line)
        recent = self.bindings.get(name, [])[max(0, end - MAX_DEPTH - 4) : end]
        return [b for b in recent if id(b) not in self._active]

    def _guarded(self, name: str, since: int, line: int) -> bool:
        """Compared for equality, after ``since`` and before ``line``, with a value carrying nothing tracked."""
        return any(
            g.name == name and since <= g.line < line and not self.origins(g.other, g.line) for g in self.summary.guards
        )

    def _guarded_field(self, value: Attr, line: int) -> bool:
        """A name's field compared for equality since the name was last assigned (`if event.org_id != own: return`)."""
        base = value.base
        if not self._field_guards or not isinstance(base, Var) or base.kind not in ("local", "param"):
            return False
        bound = self._before(base.name, line) if base.kind == "local" else []
        return self._guarded(f"{base.name}.{value.name}", bound[-1].line if bound else 0, line)

    def _call(self, call: Call, line: int) -> Origins:
        func = call.func
        if isinstance(func, Attr) and func.name == "__eq__":
            return _NONE  # a yes or a no does not carry the org id
        kwargs = [(k, v) for k, v in call.kwargs if not self._identity(call, k, v, line)]
        out = self.origins(func.base, line) if isinstance(func, Attr) else _NONE
        out = out.union(*(self.origins(a, line) for a in call.args), *(self.origins(v, line) for _, v in kwargs))
        if out and self._store_call(call, line):
            return _NONE  # an env var or a connection is the deployment's, never the request's
        name = last_name(func) or ""
        if mentions_org(name):  # `current_org(request)`: a getter of the request's org, if it returns one
            getter = self._function(func, line)
            if getter is not None and getter != self.unit and self.flow.returns_entry(getter):
                out |= {self._entry(Entry(line, "return", _shown(func), getter))}
        return out

    def _context_field(self, base: Value, line: int) -> Origins:
        """`ctx.org_id` of a request-context object a project function builds from the request it is given
        (`ctx = RequestContext.from_request(request)`): the org that function returns a value of the request for."""
        if isinstance(base, Var) and base.kind == "local":
            bound = self._before(base.name, line)
            base, line = (bound[-1].value, bound[-1].line) if bound else (base, line)
        if not isinstance(base, Call):
            return _NONE
        getter = self._function(base.func, line)
        if getter is None or getter == self.unit or not self.flow.returns_entry(getter):
            return _NONE
        return frozenset({self._entry(Entry(line, "return", _shown(base.func), getter))})

    def _store_call(self, call: Call, line: int) -> bool:
        """A modelled call that reads env or connects (its result is no value of the request)."""
        return any(model.sink in ("env", "connect") for model in self._models(call.func, line))

    # -- request reads -----------------------------------------------------------------

    def _container(self, value: Value, line: int) -> str | None:
        """The part of a request a value is: "request", "framework", "header", "query", "path", "body"..."""
        if self._nesting >= _MAX_NESTING:
            return None
        self._nesting += 1
        try:
            return self._part_of(value, line)
        finally:
            self._nesting -= 1

    def _part_of(self, value: Value, line: int) -> str | None:
        model = self.model
        if isinstance(value, Var):
            if value.kind == "param":
                return self.containers.get(value.name)
            if value.kind == "global":
                return model.global_container(value.name)
            if value.kind == "self":
                return model.field_container(value.name)
            return self._local_container(value.name, line) if value.kind == "local" else None
        if isinstance(value, Item) and isinstance(value.key, Unknown):  # `for record in consumer`
            return self._consumed(value.base, None, line)
        if isinstance(value, Item) and isinstance(value.key, Lit) and isinstance(value.key.value, int):
            call = value.base  # one result of several: `_, claims, _ := jwtauth.FromContext(ctx)`
            if isinstance(call, Call) and isinstance(call.func, Var) and call.func.kind == "global":
                return model.current_part(call.func.name, value.key.value)
            return None
        if isinstance(value, Attr):
            base = self._container(value.base, line)
            return model.part(base, value.name) if base else None
        method = _method(value.func) if isinstance(value, Call) else None
        base = self._container(method[0], line) if method is not None else None
        if method is not None and base:
            return model.call_part(base, method[1])
        if method is not None and (consumed := self._consumed(method[0], method[1], line)):
            return consumed
        if isinstance(value, Call) and isinstance(value.func, Attr) and (part := model.method_part(value.func)):
            return part if any(self._container(a, line) for a in value.args) else None
        if isinstance(value, Call) and method is not None and method[1] in model.keyed_getters and len(value.args) == 1:
            key = self._state_key(value.args[0])  # `ctx.Value(claimsKey)`: what the project stores under it
            return self.flow.stored_part(key) if key is not None else None
        if isinstance(value, Call) and value.func == _DICT and len(value.args) == 1:  # a copy: `dict(ctx.invocation_metadata())`
            return self._container(value.args[0], line)
        if isinstance(value, Call) and isinstance(value.func, Var) and value.func.kind == "global":
            zero = model.zero_value_kind(value)
            if zero is not None:  # the request parameter of a Go handler written as a function literal
                return zero
            part = model.function_part(value.func.name)
            if part is not None:
                return part if any(self._container(a, line) for a in value.args) else None
            current = model.current_part(value.func.name)
            if current is not None:  # flask-jwt-extended's `get_jwt()`
                return current
            token = model.token_part(value.func.name)  # `jwt.decode(token, key)` of a token the request carries
            if token is not None and token[0] < len(value.args) and self.origins(value.args[token[0]], line):
                return token[1]
        if isinstance(value, Call) and isinstance(value.func, Var) and value.func.kind == "global":
            getter = self._function(value.func, line)  # `auth.FromContext(ctx)`: the part it returns
            return self.flow.returned_part(getter) if getter is not None and getter != self.unit else None
        return None

    def _consumed(self, consumer: Value, method: str | None, line: int) -> str | None:
        """The part records of a broker consumer are, got by a loop over it or by its ``method``."""
        if not self.flow.consumes:
            return None
        frame = Frame(self.unit.module, self.unit.name, None, self.receiver).at(line)
        for made in self.flow.resolver.eval(consumer, frame, MAX_DEPTH):
            part = self.model.consumed(made.cls, method) if isinstance(made, Obj) and isinstance(made.cls, str) else None
            if part is not None:
                return part
        return None

    def _local_container(self, name: str, line: int) -> str | None:
        if len(self._active) >= MAX_DEPTH:
            return None
        eligible = self._before(name, line)
        since = eligible[-1].line if eligible else 0
        if self._decoded(name, since, line):
            return "body"
        token = self._decoded_token(name, since, line)
        if token is not None:
            return token
        if not eligible:
            return None
        binding = eligible[-1]
        self._active.add(id(binding))
        try:
            return self._container(binding.value, binding.line)
        finally:
            self._active.discard(id(binding))

    def _decoded_token(self, name: str, since: int, line: int) -> str | None:
        """The part a request's token decoded into the variable between ``since`` and ``line`` is
        (`jwt.ParseWithClaims(raw, claims, keyFunc)`, `json.Unmarshal(task.Payload(), &p)`), else None."""
        for site in self.summary.calls:
            func = site.func
            into = self.model.token_into(func.name) if isinstance(func, Var) and func.kind == "global" else None
            if into is None or not (since <= site.loc.line <= line) or len(site.args) <= max(into[:2]):
                continue
            target, raw = site.args[into[1]], site.args[into[0]]
            # a value read from the request (a token), or a part of it whole (a message's payload)
            if target == Var("local", name) and (self.origins(raw, site.loc.line) or self._container(raw, site.loc.line)):
                return into[2]
        return None

    def _decoded(self, name: str, since: int, line: int) -> bool:
        """`json.NewDecoder(r.Body).Decode(&req)`, `c.ShouldBindJSON(&req)` between ``since`` and ``line``."""
        for site in self._decoders:
            if not (since <= site.loc.line <= line) or not isinstance(site.func, Attr):
                continue
            if not any(isinstance(a, Var) and a.kind == "local" and a.name == name for a in site.args):
                continue
            base = self._container(site.func.base, site.loc.line)
            if base is not None and self.model.decodes(base, site.func.name):
                return True
        return False

    def _read(self, value: Value, line: int) -> str | None:
        """The entry a value is when it reads one named value of the request (or of per-request state)."""
        if isinstance(value, Var) and value.kind == "global" and self.model.state_global(value.name) not in (
            None, value.name,
        ):  # `g.org_id`, lowered as the qualified name `flask.g.org_id`
            return self._entry(Entry(line, "state", value.name))
        if isinstance(value, Var) and value.kind == "global":  # `current_user.org_id`: one qualified name
            root, _, field = value.name.rpartition(".")
            part = self.model.global_container(root) if root else None
            return self._entry(Entry(line, part, field)) if part in FIELDED_KINDS else None
        found = self._read_entry(value, line) if isinstance(value, (Item, Call, Attr)) else None
        return self._entry(found) if found is not None else None

    def _read_entry(self, value: Item | Call | Attr, line: int) -> Entry | None:
        if isinstance(value, Item):
            part = self._container(value.base, line)
            return Entry(line, part, self._named(value.key, line)) if part and part not in REQUEST_KINDS else None
        if isinstance(value, Attr):
            part = self._container(value.base, line)
            if part in FIELDED_KINDS:
                return Entry(line, part, value.name)
            single = self.model.value_kind(part, value.name) if part else None
            if single is not None:  # `request.url.hostname`, Go's `r.Host`
                return Entry(line, single, value.name)
            state = self._state(value.base, line)
            return Entry(line, "state", f"{state[0]}.{value.name}") if state and "get" not in state[1] else None
        func = value.func
        stored = self._state_read(value, line)
        if stored is not None:
            return Entry(line, "state", stored)
        method = _method(func)
        part = self._container(method[0], line) if method is not None else None
        if method is not None and part is not None:
            single = self.model.value_kind(part, method[1]) if not value.args else None
            if single is not None:  # `request.get_host()`
                return Entry(line, single, method[1])
            kind = self.model.read_kind(part, method[1])
            first = self._named(value.args[0], line) if value.args else ""
            return Entry(line, kind, first) if kind is not None else None
        read = self.model.function_read(func.name) if isinstance(func, Var) and func.kind == "global" else None
        if read is not None and read[0] < len(value.args) and any(self._container(a, line) for a in value.args):
            return Entry(line, read[1], self._named(value.args[read[0]], line))
        return None

    def _named(self, value: Value, line: int) -> str:
        """The name a request value is read by: a literal, or a constant (`request.headers.get(ORG_HEADER)`)."""
        if isinstance(value, Lit) or not isinstance(value, Var):
            return _literal(value)
        texts = self.flow.resolver.eval(value, self._frame(line), MAX_DEPTH)
        known = len(texts) == 1 and isinstance(texts[0], Text) and None not in texts[0].parts
        return render(texts[0].parts) if known and isinstance(texts[0], Text) else ""

    def _state(self, value: Value, line: int) -> tuple[str, dict[str, str]] | None:
        """The per-request state object a value is: a module-level name of a modelled type, or a library
        global (Flask's `g`) (molecule_lint/models/sources.yaml)."""
        if not isinstance(value, Var) or value.kind not in ("local", "global") or value.name in self.bindings:
            return None
        if value.kind == "global" and self.model.state_global(value.name) == value.name:
            return value.name, {}
        qualified = value.name if value.kind == "global" else f"{self.unit.module}.{value.name}"
        return self.flow.state(qualified, self._frame(line))

    def _state_read(self, call: Call, line: int) -> str | None:
        """`getattr(_local, "org_id", None)`, `current_org.get()`: the state read, else None."""
        func = call.func
        if isinstance(func, Var) and func.kind == "builtin" and func.name == "getattr" and len(call.args) >= 2:
            state = self._state(call.args[0], line)
            name = _literal(call.args[1])
            return f"{state[0]}.{name}" if state and name and "get" not in state[1] else None
        method = _method(func)
        if method is not None and len(call.args) == 1 and method[1] in self.model.keyed_getters:
            return self._state_key(call.args[0])  # `ctx.Value(orgKey)`
        state = self._state(method[0], line) if method is not None else None
        return state[0] if state and method is not None and state[1].get("get") == method[1] else None

    def _state_key(self, key: Value) -> str | None:
        """The qualified name of a key a value is stored under: a package-level variable (`orgKey`), a value
        of a key type (`ctxKey{}`, `ctxKey("org")`), or a string."""
        if isinstance(key, Lit) and isinstance(key.value, str):
            return repr(key.value)
        kind = key.func if isinstance(key, Call) and len(key.args) <= 1 and not key.kwargs else key
        if not isinstance(kind, Var) or kind.kind not in ("local", "global") or kind.name in self.bindings:
            return None
        qualified = kind.name if kind.kind == "global" else f"{self.unit.module}.{kind.name}"
        label = _literal(key.args[0]) if isinstance(key, Call) and key.args else ""
        return f"{qualified}({label})" if label else qualified

    def store_part(self, site: CallSite, stored: dict[str, str]) -> None:
        """A keyed store of a part of the request (`context.WithValue(ctx, key, claims)`): the part, by key."""
        written = self._state_write(site)
        part = self._container(written[1], site.loc.line) if written is not None else None
        if written is not None and part is not None and part not in REQUEST_KINDS:
            stored.setdefault(written[0], part)

    def _state_write(self, site: CallSite) -> tuple[str, Value] | None:
        """`_local.org_id = org`, `current_org.set(org)`, `context.WithValue(ctx, orgKey, org)`: (the state
        written, the value), else None."""
        func = site.func
        keyed = self.model.keyed_store(func.name) if isinstance(func, Var) and func.kind == "global" else None
        if keyed is not None and len(site.args) > max(keyed["key"], keyed["value"]):
            key = self._state_key(site.args[keyed["key"]])
            return (key, site.args[keyed["value"]]) if key is not None else None
        method = _method(site.func)
        state = self._state(method[0], site.loc.line) if method is not None and site.args else None
        if state is None or method is None:
            return None
        if method[1] == "__setattr__" and "set" not in state[1] and len(site.args) == 2 and _literal(site.args[0]):
            return f"{state[0]}.{_literal(site.args[0])}", site.args[1]
        return (state[0], site.args[0]) if state[1].get("set") == method[1] else None

    def _entry(self, entry: Entry) -> str:
        origin = f"!{len(self.flows.entries) + 1}"
        self.flows.entries[origin] = entry
        return origin

    # -- where values go -----------------------------------------------------------------

    def _site(self, site: CallSite) -> None:
        line = site.loc.line
        call = Call(site.func, site.args, site.kwargs)
        self._walk(call, site.loc)
        args = [(i, None, a) for i, a in enumerate(site.args)] + [(None, k, v) for k, v in site.kwargs]
        tracked: list[_Tracked] = [(i, k, v, o) for i, k, v in args if (o := self.origins(v, line))]
        if not tracked:
            return
        written = self._state_write(site)
        if written is not None:
            note = f"stores it in `{shown_state(written[0])}`"
            self._choose(self.origins(written[1], line), Choice(site.loc, "state", note, written[0]))
            return
        if site.args and isinstance(site.args[0], Lit) and isinstance(site.args[0].value, str):
            bound = _NONE.union(*(o for i, _, _, o in tracked if i))
            if bound and binds_store_setting(site.args[0].value):  # `set_config('search_path', %s, false)`
                self._choose(bound, Choice(site.loc, "sql", f"SQL `{' '.join(site.args[0].value.split())[:60]}`"))
        shown = self._shown(site.func)
        owner = last_name(site.func.base) if isinstance(site.func, Attr) else None
        schema = _SCHEMA_KEYWORDS | ({"schema"} if last_name(site.func) in _SCHEMA_OWNERS else set())
        self._choose(_NONE.union(*(o for _, k, _, o in tracked if k in schema)),
                     Choice(site.loc, "schema", f"schema in `{shown}(...)`"))  # fmt: skip
        models = self._models(site.func, line)
        for model in models:
            if model.sink == "env":
                chosen = self._argument(site, model, line, frozenset())
                self._choose(chosen, Choice(site.loc, "env", f"env var name of `{self._shown(call)}`"))
            elif model.sink == "connect":
                chosen = self._argument(site, model, line, _SELECTORS)
                self._choose(chosen, Choice(site.loc, "connect", f"connection `{self._shown(call)}`"))
        if models:
            return  # a library call: a Redis client's `redis.get(key)` is a command, not a lookup of a store
        if isinstance(site.func, Attr) and site.func.name in _MAP_LOOKUPS and owner and names_store(owner):
            chosen = next((o for i, _, _, o in tracked if i == 0), _NONE)
            self._choose(chosen, Choice(site.loc, "lookup", f"lookup `{self._shown(call)}`"))  # `ENGINES.get(org_id)`
            return
        for func in self._callees(site.func, line):
            self._hand_off(site, func, tracked, shown)

    def _argument(self, site: CallSite, model: SinkModel, line: int, selectors: frozenset[str]) -> Origins:
        """Origins of the argument a model names, and of the selecting keywords (a dict's selecting keys)."""
        arg = argument(site.args, site.kwargs, model)
        out = self.origins(arg, line) if arg is not None else _NONE
        for name, value in site.kwargs:
            if name in selectors and value is not arg and isinstance(value, Collection):
                out |= self._selected(value, selectors, line)
            elif name in selectors and value is not arg:
                out |= self.origins(value, line)
        return out

    def _selected(self, mapping: Collection, selectors: frozenset[str], line: int) -> Origins:
        """`connect_args={"options": f"-csearch_path={org}"}`: the entries that pick, not `application_name`."""
        pairs = zip(mapping.keys, mapping.values)
        return self._union(tuple(v for k, v in pairs if isinstance(k, Lit) and k.value in selectors), line)

    def _hand_off(self, site: CallSite, func: Unit | Bound, tracked: list[_Tracked], shown: str) -> None:
        unit = func.method if isinstance(func, Bound) else func
        callee = self.flow.summary(unit)
        if callee is None:
            return
        skip = 1 if isinstance(func, Bound) and not callee.static else 0
        positional = [p.name for p in callee.params if not p.keyword_only and not p.variadic][skip:]
        names = {p.name for p in callee.params}
        for index, keyword, _, origins in tracked:
            if keyword in names:
                param = keyword
            elif index is not None and index < len(positional):
                param = positional[index]
            else:
                continue
            for origin in sorted(origins):
                self.flows.handoffs.setdefault(origin, []).append(Handoff(site.loc, unit, param, f"`{shown}(...)`"))

    def _walk(self, value: Value, loc: Location, in_text: bool = False, depth: int = _MAX_NESTING) -> None:
        """The choices inside a value: lookups in mappings named for stores, SQL naming its store by a value
        (a whole text, not its pieces), data-access objects made for an org."""
        if depth <= 0:
            return
        strings = isinstance(value, (Concat, Format))
        if isinstance(value, Item):
            found = self._lookup(value, loc.line)
            if found is not None:
                self._choose(found, Choice(loc, "lookup", f"lookup `{self._shown(value)}`"), value)
        elif isinstance(value, (Concat, Format)) and not in_text:
            chosen, text = self._sql(value, loc.line)
            self._choose(chosen, Choice(loc, "sql", f"SQL `{text}`"), value)
        elif isinstance(value, Call):
            for keyword, arg in value.kwargs:
                if self._identity(value, keyword, arg, loc.line):
                    note = f"identity: a `{last_name(value.func)}` made for its `{keyword}`"
                    self._choose(self.origins(arg, loc.line), Choice(loc, "identity", note), arg)
        for child in children(value):
            self._walk(child, loc, strings, depth - 1)

    def _lookup(self, item: Item, line: int) -> Origins | None:
        """`DSNS[org]`: the origins of a key that picks an entry of a mapping named for stores."""
        holder = last_name(item.base)
        if holder is None or not names_store(holder):
            return None
        return self.origins(item.key, line) or None

    def _identity(self, call: Call, keyword: str, arg: Value, line: int) -> bool:
        """`MemoryStore(conn, org_id=org)`, `&Store{orgID: org}`: the org a data-access object is made to act as."""
        type_name = last_name(call.func) or ""
        return type_name[:1].isupper() and makes_org_identity(type_name, keyword) and bool(self.origins(arg, line))

    def _sql(self, value: Concat | Format, line: int) -> tuple[Origins, str]:
        """The origins a SQL text puts where it names its store, and the text shortened for evidence."""
        marks: list[Origins] = []
        parts = self._text(value, line, marks)
        if not marks:
            return _NONE, ""
        chosen, text = sql_store_markers(parts)
        return _NONE.union(*(marks[i] for i in chosen)), text

    def _text(self, value: Value, line: int, marks: list[Origins]) -> Parts:
        """A string's text, each value in it that carries origins a marker (its origins appended to ``marks``)."""
        if self._nesting >= _MAX_NESTING:
            return (None,)
        self._nesting += 1
        try:
            return self._text_of(value, line, marks)
        finally:
            self._nesting -= 1

    def _text_of(self, value: Value, line: int, marks: list[Origins]) -> Parts:
        if isinstance(value, Lit) and isinstance(value.value, str):
            return (value.value,)
        if isinstance(value, Concat):
            return merge(p for part in value.parts for p in self._text(part, line, marks))
        if isinstance(value, PathJoin):
            return path_join([self._text(part, line, marks) for part in value.parts])
        if isinstance(value, Format):
            fmt = self._text(value.fmt, line, marks)
            args = [self._text(a, line, marks) for a in value.args]
            keywords = {k: self._text(v, line, marks) for k, v in value.kwargs}
            return (percent_format if value.style == "percent" else brace_format)(fmt, args, keywords)
        if isinstance(value, Call) and isinstance(value.func, Var) and value.func.name in SQL_COMPOSABLES:
            glued: list[str | None] = []  # `sql.Identifier("s", f"org_{org}")` is s.org_...
            for number, arg in enumerate(value.args):
                glued += ["."] * bool(number) + list(self._text(arg, line, marks))
            return merge(glued)
        origins = self.origins(value, line)
        if not origins:
            return (None,)
        marks.append(origins)
        return (marker(len(marks) - 1),)

    def _choose(self, origins: Origins | None, choice: Choice, value: Value | None = None) -> None:
        for origin in sorted(origins or ()):
            key = (choice.kind, id(value) if value is not None else id(choice.loc), origin)
            if key not in self._seen:
                self._seen.add(key)
                self._choice(origin, choice)

    def _choice(self, origin: str, choice: Choice) -> None:
        self.flows.choices.setdefault(origin, []).append(choice)

    def _shown(self, value: Value) -> str:
        params = self.summary.params
        return _shown(value, params[0].name if self.receiver is not None and params else "self")

    # -- callees -----------------------------------------------------------------------

    def _frame(self, line: int) -> Frame:
        return Frame(self.unit.module, self.unit.name, None, self.receiver, line)

    def _callees(self, func: Value, line: int) -> Iterator[Unit | Bound]:
        for resolved in self.flow.resolver.eval(func, self._frame(line), MAX_DEPTH):
            if isinstance(resolved, (Unit, Bound)):
                yield resolved

    def _function(self, func: Value, line: int) -> Unit | None:
        """The project function a value names (`current_org`, `self.org_of`)."""
        for resolved in self._callees(func, line):
            unit = resolved.method if isinstance(resolved, Bound) else resolved
            if self.flow.summary(unit) is not None:
                return unit
        return None

    def _models(self, func: Value, line: int) -> list[SinkModel]:
        """The library models a callee matches (molecule_lint/models/*.yaml)."""
        sinks = self.flow.sinks
        if last_name(func) not in sinks.models.by_name:
            return []
        site = CallSite(_at(line), func)
        return [
            model
            for resolved in self.flow.resolver.eval(func, self._frame(line), MAX_DEPTH)
            if not isinstance(resolved, (Unit, Bound))
            for model in sinks.models.matches(sinks.callee_names(resolved, site), False)
        ]


def shown_state(name: str) -> str:
    """Per-request state as a message shows it: `mw.orgKey` of `example.com/agent/mw.orgKey`."""
    return ".".join(name.rpartition("/")[2].split(".")[-2:])


def _at(line: int) -> Location:
    return Location(line, 1, line, 1)


def _method(func: Value) -> tuple[Value, str] | None:
    """A method call's receiver and name: `r.headers.get`, and `flask.request.args.get` (one qualified name)."""
    if isinstance(func, Attr):
        return func.base, func.name
    if isinstance(func, Var) and func.kind == "global" and "." in func.name:
        head, _, name = func.name.rpartition(".")
        return Var("global", head), name
    return None


def _literal(value: Value) -> str:
    return value.value if isinstance(value, Lit) and isinstance(value.value, str) else ""


def _shown(value: Value, receiver: str = "self", depth: int = 6) -> str:
    """A value as the code names it, short: `db.connect_for`, `g.dsns[tenant]`, `pgxpool.New`."""
    if depth <= 0:
        return "..."
    if isinstance(value, Var):
        if value.kind in ("self", "cls"):
            return f"{receiver if value.kind == 'self' else 'cls'}.{value.name}"
        return ".".join(value.name.rpartition("/")[2].split(".")[-2:]) if value.kind == "global" else value.name
    if isinstance(value, Attr):
        return f"{_shown(value.base, receiver, depth - 1)}.{value.name}"
    if isinstance(value, Item):
        return f"{_shown(value.base, receiver, depth - 1)}[{_shown(value.key, receiver, depth - 1)}]"
    if isinstance(value, Call) and isinstance(value.func, Attr) and value.func.name == "__getitem__" and value.args:
        key = _shown(value.args[0], receiver, depth - 1)
        return f"{_shown(value.func.base, receiver, depth - 1)}[{key}]"  # `connections[alias]`
    if isinstance(value, Call):
        return f"{_shown(value.func, receiver, depth - 1)}(...)"
    if isinstance(value, Lit):
        return repr(value.value)
    return "..."


def _in_path(name: str, route: str) -> bool:
    """Is the parameter a variable of the route's path: `{org_id}`, `{org_id:uuid}`, Flask's `<int:org_id>`?"""
    return any(variable in route for variable in (f"{{{name}}}", f"{{{name}:", f"<{name}>", f":{name}>"))
