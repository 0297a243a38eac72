"""Sinks, recognised after resolution: a call whose callee resolves to a modelled library function
(molecule_lint/models/*.yaml and the config's `models:`) turns the resolved value of its argument into
a fact (Sql, HttpCall, EnvRead, RedisKey, Connect) at the call.

Sink summaries propagate: a project function whose parameter reaches a sink is a sink for its callers
(bounded depth), so `_fetch(MEMORY_TABLE, org)` in platform code is reported at that call, its trace
running through the helper's `execute` to the constant.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from fnmatch import translate
from typing import TYPE_CHECKING

from molecule_lint.config import SinkModel, builtin_models
from molecule_lint.core import builders, namedsql
from molecule_lint.core.queries import Queries
from molecule_lint.core.strings import render
from molecule_lint.core.values import (
    CORE_TABLE_NAME,
    CORE_TABLES,
    HOLE,
    MAX_DEPTH,
    DJANGO_SETTINGS,
    QUERIED,
    STATEMENT,
    STORE,
    Applied,
    Bound,
    Coll,
    Env,
    EnvValue,
    External,
    Frame,
    Obj,
    Resolved,
    Resolver,
    Text,
    Unit,
    Vals,
    argument,
    connection_env,
    made_argument,
    named_query,
    prefixed_env,
)
from molecule_lint.facts import (
    MODULE_SCOPE,
    ORM_MANAGERS,
    Attr,
    Call,
    CallSite,
    Collection,
    Connect,
    EnvRead,
    HttpCall,
    Item,
    Location,
    RedisKey,
    Ref,
    OrmModel,
    Sql,
    Summary,
    TableQuery,
    Template,
    Value,
    Var,
)
from molecule_lint.findings import Hop

if TYPE_CHECKING:
    from molecule_lint.linker import Project

SinkFact = Sql | HttpCall | EnvRead | RedisKey | Connect | TableQuery
HELPER_DEPTH = 3  # how many helper functions deep a call is followed to a sink
_VERBS = frozenset({"get", "post", "put", "patch", "delete", "head", "options"})
_Key = tuple[str, str, tuple[str, ...]]  # a hit's fact: its kind, its text, and what its store was opened from
_HOLDER_DEPTH = 3  # how deep a project object may hold its connection: ent's `client.config.driver`
_ON_STORES = frozenset({"sql", "redis"})  # sinks that run on a connection: judged by its store too


@dataclass(frozen=True, slots=True)
class Hit:
    """A sink reached from a call site: the fact there, and the hops after it (helpers, values)."""

    fact: SinkFact
    hops: tuple[Hop, ...]
    helper: bool = False  # reached through a project function: the first hop is the sink in it
    # The store a statement or command runs on, as far as its connection is followed: what opened it from
    # (an EnvRead of the DSN's variable, a Connect to the DSN), each with the hops to where that is named.
    store: tuple[Hit, ...] = ()
    # The SQL of a statement object (`text(q)`) written elsewhere, where it is found already: it counts here,
    # where it runs, only when its store decides what it touches.
    restated: bool = False


class _Glob:
    """A model's call pattern (`psycopg2.*.execute`), compiled when first matched: of the ~430 a run
    knows, one that rechecks an edited file asks about a few dozen."""

    __slots__ = ("_glob", "_pattern")

    def __init__(self, glob: str) -> None:
        self._glob = glob
        self._pattern: re.Pattern[str] | None = None

    def match(self, name: str) -> re.Match[str] | None:
        if self._pattern is None:
            self._pattern = re.compile(translate(self._glob))
        return self._pattern.match(name)


class _Models:
    def __init__(self, models: tuple[SinkModel, ...]) -> None:
        self.by_name: dict[str, list[tuple[_Glob, SinkModel]]] = defaultdict(list)
        # Models of any method of a class ("environ.Env.*"): tried on every name the resolver asks about.
        self.any_method: list[tuple[_Glob, SinkModel]] = []
        # The calls making a receiver whose arguments a `constructor` model reads later, and their last names.
        self.constructors: list[_Glob] = []
        self.constructor_names: set[str] = set()
        self._keeps: dict[str, bool] = {}  # asked at every library call the core evaluates
        self._library: dict[tuple[str, str], SinkModel | None] = {}
        self._matched: dict[tuple[tuple[str, ...], bool], list[SinkModel]] = {}  # a callee is asked about at each call
        for model in models:
            last = model.call.rsplit(".", 1)[-1]
            entry = (_Glob(model.call), model)
            (self.any_method if "*" in last else self.by_name[last]).append(entry)
            if model.constructor:
                made_by = model.call.rsplit(".", 1)[0]
                self.constructors.append(_Glob(made_by))
                self.constructor_names.add(made_by.rsplit(".", 1)[-1])

    def keeps_arguments(self, name: str) -> bool:
        """Does a model read an argument of this library call later, from the object it makes?"""
        if name not in self._keeps:
            self._keeps[name] = any(pattern.match(name) for pattern in self.constructors)
        return self._keeps[name]

    def env_reader(self, name: str) -> SinkModel | None:
        model = next(iter(self.matches([name], project_unit=False)), None)
        return model if model is not None and model.sink == "env" else None

    def library_model(self, name: str, sink: str) -> SinkModel | None:
        """The model of a library function for a sink (a connection: from a DSN, not by a settings alias);
        asked of every library object the core makes, so remembered."""
        key = (name, sink)
        if key not in self._library:
            found = (m for m in self.matches([name], project_unit=False) if m.sink == sink and not m.setting)
            self._library[key] = next(found, None)
        return self._library[key]

    def matches(self, names: list[str], project_unit: bool) -> list[SinkModel]:
        """The models of a callee, the first name that has any (several: one per argument position an API
        has, as Go's plain and ctx-first forms); a project function only by its own name (not "*.execute")."""
        key = (tuple(names), project_unit)
        if key not in self._matched:
            self._matched[key] = self._matching(names, project_unit)
        return self._matched[key]

    def _matching(self, names: list[str], project_unit: bool) -> list[SinkModel]:
        for name in names:
            found = [
                model
                for pattern, model in (*self.by_name.get(name.rsplit(".", 1)[-1], ()), *self.any_method)
                if pattern.match(name) and not (project_unit and model.call.startswith("*"))
            ]
            if found:
                return found
        return []


class Sinks:
    """Every sink a unit reaches, directly or through the project's helper functions."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.models = _Models((*builtin_models(), *project.config.models))
        self.resolver = Resolver(
            project, self.models.env_reader, self.models.keeps_arguments, self.models.library_model
        )
        self.helpers = self._helper_names()
        self.model_objects = self._model_objects()
        self._memo: dict[tuple[str, int, Env | None, Obj | Unit | None, int, bool], tuple[Hit, ...]] = {}
        self._passed: dict[int, tuple[CallSite, ...]] = {}  # by the summary's identity, as below
        self._parametric_units: dict[int, bool] = {}  # by the summary's identity: its hash walks its tree
        self._own: dict[int, tuple[frozenset[_Key], frozenset[tuple[str, str]]]] = {}
        self._org_keys = frozenset(key.lower() for key in project.config.org_keys)
        # Libraries whose objects' items are tables (`dataset`): asked of the modules that import one, only.
        self._item_libraries = frozenset(
            model.call.split(".", 1)[0] for _, model in self.models.by_name.get("__getitem__", ()) if model.sink == "table"
        )
        self._item_modules: dict[str, bool] = {}
        self._runs_named_queries: bool | None = None  # does the project import a library running queries by name

    def forget(self) -> None:
        """Drop what evaluating remembered (the checks done, what follows needs none of it; 80k site hits
        on a large Go project): asked again, it is evaluated again."""
        for memo in (self._memo, self._passed, self._parametric_units, self._own):
            memo.clear()
        self.resolver.forget()

    def _helper_names(self) -> frozenset[str]:
        """Names of project functions that may reach a modelled call (by name, to a fixpoint): only call
        sites so named are resolved, which keeps the run demand-driven."""
        callers: dict[str, set[str]] = defaultdict(set)  # a called name -> names of the functions calling it
        found: set[str] = set()  # and the functions querying a model held in a value
        for units in self.project.summaries.values():
            for summary in units.values():
                if summary.kind == "function":
                    own = summary.name.rsplit(".", 1)[-1]
                    outer = summary.name.rpartition(".")[0]
                    if outer in units and units[outer].kind == "function":  # a closure its enclosing function returns
                        callers[own].add(outer.rsplit(".", 1)[-1])
                    for site in summary.calls:
                        name = last_name(site.func)
                        if name:
                            callers[name].add(own)
                        if _managed(site, summary) is not None or _runs_builder(site):
                            found.add(own)
                    for binding in summary.bindings:  # `self.List = channel.unary_unary(path)`, called as `stub.List(req)`
                        if isinstance(binding.value, Call) and last_name(binding.value.func) in self.models.constructor_names:
                            found.add(binding.name.rsplit(".", 1)[-1])
                elif summary.name == MODULE_SCOPE:  # `read = make_reader(T)`, `count = partial(count_rows, ...)`
                    for binding in summary.bindings:  # and a registry of them: `HANDLERS = {"m": make_reader(T)}`
                        for name in registered(binding.value):  # or of the functions themselves: `{"m": read}`
                            callers[name].add(binding.name)
        todo = [name for name in callers if name in self.models.by_name] + list(found)
        while todo:
            for caller in callers.get(todo.pop(), ()):
                if caller not in found:
                    found.add(caller)
                    todo.append(caller)
        return frozenset(found)

    def _model_objects(self) -> frozenset[str]:
        """Names of module-level instances of library classes modelled by any method (`env = environ.Env()`):
        a call through one (`env.db("X")`, `conf.env("X")` in another module) is resolved whatever its method
        is called; only these, which keeps the run demand-driven."""
        classes = {model.call.rsplit(".", 1)[0] for _, model in self.models.any_method}
        return frozenset(
            binding.name
            for units in self.project.summaries.values() if MODULE_SCOPE in units
            for binding in units[MODULE_SCOPE].bindings
            if isinstance(binding.value, Call) and isinstance(binding.value.func, Var)
            and binding.value.func.name in classes
        )  # fmt: skip

    def _through_model_object(self, func: Value) -> bool:
        while isinstance(func, Attr):
            func = func.base
        return isinstance(func, Var) and bool(self.model_objects) and any(
            part in self.model_objects for part in func.name.split(".")
        )

    def _imports_item_tables(self, module: str) -> bool:
        if module not in self._item_modules:
            imported = self.project.imports.get(module, {}).values()
            self._item_modules[module] = any(i.module.split(".", 1)[0] in self._item_libraries for i in imported)
        return self._item_modules[module]

    def _imports_named_queries(self) -> bool:
        """Any module of the project: the queries one loads are run wherever it is imported."""
        if self._runs_named_queries is None:
            imported = (i.module for imports in self.project.imports.values() for i in imports.values())
            self._runs_named_queries = any(namedsql.is_library(module) for module in imported)
        return self._runs_named_queries

    def _named_hits(self, site: CallSite, base: Value, method: str, frame: Frame) -> Iterator[Hit]:
        """A query of a set loaded from named-query files, run by name: aiosql's `queries.get_memories(conn)`,
        dotsql's `dot.Query(db, "get-memories")`."""
        index = namedsql.DOTSQL_RUNS.get(method)
        for queries in self.resolver.eval(base, frame, MAX_DEPTH):
            if isinstance(queries, Text) and method in namedsql.STATEMENT_RUNS and None not in queries.parts:
                # goyesql's statement scanned into a struct field: `q.GetUser.Get(&user, id)`
                yield Hit(Sql(site.loc, _scope(frame.unit), template(queries.parts), method), queries.trace)
            if not isinstance(queries, Obj) or queries.cls != namedsql.NAMED_QUERIES:
                continue
            names: Sequence[Resolved] = (Text((method,)),)
            if index is not None and index < len(site.args):
                names = self.resolver.eval(site.args[index], frame, MAX_DEPTH)
            known = [render(name.parts) for name in names if isinstance(name, Text) and None not in name.parts]
            for name in known:
                for text in named_query(queries, name):
                    if isinstance(text, Text) and None not in text.parts:
                        yield Hit(Sql(site.loc, _scope(frame.unit), template(text.parts), method), text.trace)

    def file_hits(self, module: str, summaries: list[Summary]) -> Iterator[Hit]:
        """The hits of one file's own units (a Go package's other files have theirs)."""
        for summary in summaries:
            yield from self.unit_hits(module, summary, None, self.receiver_of(module, summary.name), HELPER_DEPTH)

    def receiver_of(self, module: str, name: str) -> Unit | None:
        """The class whose method ``name`` is, as the receiver of a frame in it; None for a function."""
        owner = name.rpartition(".")[0]
        klass = self.resolver.summary(module, owner) if owner else None
        return Unit(module, owner) if klass is not None and klass.kind == "class" else None

    def unit_hits(
        self, module: str, summary: Summary, env: Env | None, receiver: Obj | Unit | None, depth: int,
        passed: bool = False,
    ) -> tuple[Hit, ...]:
        """``passed``: only the hits of the sites that the caller's arguments or receiver can change (the
        others reach what the unit reaches alone: its own findings, which _helper_hits drops)."""
        key = (module, id(summary), env, receiver, depth, passed)  # by identity: each file of a package has a body
        if key not in self._memo:
            self._memo[key] = ()  # a recursive helper reaches nothing new through itself
            frame = Frame(module, summary.name, env, receiver)
            sites = self._passed_sites(summary) if passed else summary.calls
            self._memo[key] = tuple(hit for site in sites for hit in self._site_hits(site, frame, depth, summary))
        return self._memo[key]

    def _passed_sites(self, summary: Summary) -> tuple[CallSite, ...]:
        """The call sites whose callee or arguments depend on a parameter or the receiver."""
        if id(summary) not in self._passed:
            self._passed[id(summary)] = tuple(
                site for site in summary.calls
                if any(_mentions(value, summary, set()) for value in (site.func, *site.args, *(v for _, v in site.kwargs)))
            )  # fmt: skip
        return self._passed[id(summary)]

    def _site_hits(self, site: CallSite, unit_frame: Frame, depth: int, summary: Summary) -> Iterator[Hit]:
        """Once per record of a literal list a loop around the site runs over (Resolver.entry_frames)."""
        for frame in self.resolver.entry_frames(summary.loops, unit_frame.at(site.loc.line), MAX_DEPTH):
            yield from self._hits_at(site, frame, depth, summary)

    def _hits_at(self, site: CallSite, unit_frame: Frame, depth: int, summary: Summary) -> Iterator[Hit]:
        item = site.func.base if isinstance(site.func, Attr) else None
        if isinstance(item, Item) and isinstance(item.base, (Var, Call)) and self._imports_item_tables(unit_frame.module):
            # `db[T].find(...)`: the item of a library object whose `__getitem__` is a table (dataset's)
            getitem = CallSite(site.loc, Attr(item.base, "__getitem__"), (item.key,))
            yield from self._hits_at(getitem, unit_frame, depth, summary)
        name = called_name(site.func)
        manager = _managed(site, summary)
        if manager is not None:  # `self.model.objects.count()`
            yield from self._manager_hits(site, manager, unit_frame.at(site.loc.line), summary)
        if (method := _method(site.func)) is not None and self._imports_named_queries():
            yield from self._named_hits(site, *method, unit_frame.at(site.loc.line))
        if _runs_builder(site):  # gorm's `db.Model(&M{}).Count(&n)`
            yield from self._builder_hits(site, unit_frame.at(site.loc.line))
        held = _held(site.func, unit_frame.env)  # the function itself, inside its wrapper: not wrapped again
        if name is None or (
            name not in self.models.by_name and name not in self.helpers and not self._through_model_object(site.func)
            and not held
        ):  # fmt: skip
            return
        frame = unit_frame.at(site.loc.line)
        callees = self.resolver.eval(site.func, frame, MAX_DEPTH)
        store: tuple[Hit, ...] | None = None  # made on first use: most calls run on no connection
        for found in callees:
            func = self.resolver.decorated(found, MAX_DEPTH) if isinstance(found, (Unit, Bound)) and not held else found
            models = self.models.matches(self.callee_names(func, site), isinstance(func, (Unit, Bound, Applied)))
            for model in models:
                # (a table query on a session, `session.query(M)`, too; not followed into the helpers given one)
                if store is None and (model.sink in _ON_STORES or model.sink == "table"):
                    receivers = [c.receiver if isinstance(c, External) else None for c in callees]
                    store = _one_store(receivers, site.loc, _scope(frame.unit))
                if model.sink == "table" and model.generic:
                    yield from self._generic_hits(func, site, frame, summary)
                elif model.sink == "table":  # `session.query(M)`: on the session's store
                    yield from (replace(h, store=store or ()) for h in self._table_hits(model, site, frame, summary))
                elif model.sink == "connect" and model.setting:  # a database alias: `M.objects.using("ws")`
                    opened = tuple(self._model_hits(model, func, site, frame, summary, ()))
                    yield from opened
                    yield from self._aliased_queries(site, frame, summary, opened)
                else:
                    yield from self._model_hits(model, func, site, frame, summary, store or ())
            if not models and depth > 0 and isinstance(func, (Unit, Bound, Applied)):
                yield from self._helper_hits(func, site, frame, depth)

    def _builder_hits(self, site: CallSite, frame: Frame) -> Iterator[Hit]:
        assert isinstance(site.func, Attr)
        call = Call(site.func, site.args, site.kwargs)
        store: tuple[Hit, ...] | None = None  # the db the chain starts from (`gorm.Open(...)`), on first use
        for built, where in self.resolver.query_builder(call, frame, MAX_DEPTH, builders.RUNS[site.func.name]):
            for text in self.resolver.eval(built, where, MAX_DEPTH):
                if not isinstance(text, Text) or all(part is None for part in text.parts):
                    continue
                if store is None:
                    root = _chain_root(site.func)
                    dbs = [v for v in self.resolver.eval(root, frame, MAX_DEPTH) if isinstance(v, Obj)]
                    store = _one_store(dbs, site.loc, _scope(frame.unit)) if dbs else ()
                yield Hit(Sql(site.loc, _scope(frame.unit), template(text.parts), site.func.name), text.trace, store=store)

    def callee_names(self, func: Resolved, site: CallSite) -> list[str]:
        if isinstance(func, Applied):
            func = func.func
        if isinstance(func, Bound):
            func = func.method
        if isinstance(func, Unit):
            display = self.project.index.display_name(func.module)
            return [f"{func.module}.{func.name}", f"{display}.{func.name}"]
        if isinstance(func, External):
            return [func.name]
        if isinstance(func, Obj) and isinstance(func.cls, str):
            return [f"{func.cls}.__call__"]
        name = last_name(site.func)
        return [f"<unknown>.{name}"] if isinstance(site.func, Attr) and name else []  # a method of an unknown receiver

    def _model_hits(
        self, model: SinkModel, func: Resolved, site: CallSite, frame: Frame, summary: Summary, opened: tuple[Hit, ...]
    ) -> Iterator[Hit]:
        """``opened``: what the connection the call runs on was opened from, if it is one."""
        arg: Value | None = None
        if model.constructor:
            values = self._made_with(func, model)
        else:
            arg = argument(site.args, site.kwargs, model)
            if arg is None:
                return
            if model.setting:  # an alias: the settings entry it names
                setting = model.setting if "." in model.setting else f"{DJANGO_SETTINGS}{model.setting}"
                arg = Item(Var("global", setting), arg)
            values = self.resolver.eval(arg, frame, MAX_DEPTH)
        if model.prefix is not None:  # a settings object's key: the variable its maker's prefix names
            keys = tuple(v if isinstance(v, Text) else HOLE for v in values)
            values = prefixed_env(model, func.receiver if isinstance(func, External) else None, keys)
        if model.sink == "http":
            values = self.resolver.sent_urls(values)
        scope = _scope(frame.unit)
        method = last_name(site.func) or ""
        base: Template | None = None
        if model.sink == "http" and isinstance(func, External) and func.receiver is not None:
            base = next((template(t.parts) for t in self._field_texts(func.receiver, "base_url")), None)
            for env in (v for name, vals in func.receiver.fields if name == "base_url" for v in vals):
                if isinstance(env, EnvValue):  # a client made for the address an env var holds: that read
                    yield Hit(EnvRead(site.loc, scope, template(env.name.parts)), env.trace)
        store = opened if model.sink in _ON_STORES else ()
        if model.sink in _ON_STORES and not store and arg is not None and isinstance(func, External) and func.receiver is None:
            store = self._handed(site, arg, frame, func.name)  # `pandas.read_sql(q, engine)`
        for text in _statements(values) if store else ():  # `conn.execute(text(q))`: its SQL, on this store
            yield Hit(Sql(site.loc, scope, template(text.parts), method), text.trace, store=store, restated=True)
        if store and arg is not None:  # `session.execute(select(M))`: its model, on this store
            for cls in _queried(values):
                orm = self._model(cls, frame)
                if orm is not None:
                    query = self._table_query(site, frame, summary, arg, orm, f"{method}({cls.name})", ())
                    yield replace(query, store=store, restated=True)
        for option in self._options(values, model):
            resolved = connection_env(model, option)
            if isinstance(resolved, EnvValue):  # `connect(settings.TENANT_DB)`: the env var it was read from
                if model.sink != "env":
                    yield Hit(EnvRead(site.loc, scope, template(resolved.name.parts)), resolved.trace)
                continue
            text = resolved if isinstance(resolved, Text) else HOLE
            if all(part is None for part in text.parts):
                continue
            if model.sink == "sql":
                text = self.resolver.sql_file(text, frame) or text
            value = template(text.parts)
            fact: SinkFact
            if model.sink == "sql":
                fact = Sql(site.loc, scope, value, "literal" if model.ambiguous else method)
            elif model.sink == "http":
                fact = HttpCall(site.loc, scope, method.upper() if method in _VERBS else "ANY", value, base)
            elif model.sink == "env":
                fact = EnvRead(site.loc, scope, value)
            elif model.sink == "redis":
                fact = RedisKey(site.loc, scope, method, value)
            else:
                fact = Connect(site.loc, scope, "redis" if "redis" in model.call else "postgres", value)
            yield Hit(fact, text.trace, store=store)

    def _aliased_queries(self, site: CallSite, frame: Frame, summary: Summary, opened: tuple[Hit, ...]) -> Iterator[Hit]:
        """The query of a model's manager sent to a database alias, on the store the alias's settings entry
        opens (what ``opened`` found there); it counts only where that store decides what it touches."""
        owner = _manager_owner(site.func)
        # the entry's variables and URLs (its ENGINE or USER names no store)
        store = tuple(h for h in opened if isinstance(h.fact, EnvRead) or (isinstance(h.fact, Connect) and _url(h.fact)))
        if owner is None or not store:
            return
        for cls in self.resolver.eval(owner, frame, MAX_DEPTH):
            orm = self._model(cls, frame) if isinstance(cls, Unit) else None
            if isinstance(cls, Unit) and orm is not None:
                query = self._table_query(site, frame, summary, owner, orm, f"{cls.name}.{last_name(site.func)}()", ())
                yield replace(query, store=store, restated=True)

    def _handed(self, site: CallSite, statement: Value, frame: Frame, name: str) -> tuple[Hit, ...]:
        """What opened the connection a library function is given beside the statement, if one is."""
        others = [v for v in (*site.args, *(v for _, v in site.kwargs)) if v is not statement]
        if self.models.library_model(name, "connect") is not None:
            others.append(Call(site.func, site.args, site.kwargs))  # it opens its own (an Airflow operator's `conn_id`)
        values = [c for v in others for c in self.resolver.eval(v, frame, MAX_DEPTH)]
        connections = [c for c in values if isinstance(c, Obj) and _opened(c)]
        return _one_store(connections, site.loc, _scope(frame.unit))

    def _table_hits(self, model: SinkModel, site: CallSite, frame: Frame, summary: Summary) -> Iterator[Hit]:
        """The table a query names by a value: a model class (`select_from(self.model)`, resolved with the
        receiver a caller gives), or, unless the model is ambiguous, a table's name (`table(Tables.X)`);
        with how the statement around it aggregates across orgs."""
        arg = argument(site.args, site.kwargs, model)
        if arg is None:
            return
        method = last_name(site.func) or ""
        if model.ambiguous and isinstance(arg, Attr) and not (isinstance(arg.base, Var) and arg.base.kind == "global"):
            # a column of a model held in a value: `select(model.org_id, func.count())` in a statement builder
            for owner in self.resolver.eval(arg.base, frame, MAX_DEPTH):
                orm = self._model(owner, frame) if isinstance(owner, Unit) else None
                if isinstance(owner, Unit) and orm is not None:
                    yield self._table_query(site, frame, summary, arg, orm, f"{method}({owner.name}.{arg.name})", ())
                elif isinstance(owner, External) and owner.name.endswith(".c") and owner.receiver is not None:
                    yield from self._core_table_queries(site, frame, summary, arg, owner.receiver, f".c.{arg.name}")
        for resolved in self.resolver.eval(arg, frame, MAX_DEPTH):
            if isinstance(resolved, Obj):
                yield from self._core_table_queries(site, frame, summary, arg, resolved)
            elif isinstance(resolved, Unit):
                orm = self._model(resolved, frame)
                if orm is not None:
                    yield self._table_query(site, frame, summary, arg, orm, f"{method}({resolved.name})", ())
            elif isinstance(resolved, Text) and not model.ambiguous and None not in resolved.parts:
                name = render(resolved.parts)
                orm = OrmModel(site.loc, name, name, "sqlalchemy")
                call = Call(site.func, site.args, site.kwargs)
                yield self._table_query(site, frame, summary, call, orm, f'{method}("{name}")', resolved.trace)

    def _core_table_queries(
        self, site: CallSite, frame: Frame, summary: Summary, source: Value, table: Obj, column: str = ""
    ) -> Iterator[Hit]:
        """A query on a SQLAlchemy Core table object (`select(t.c.org_id, ...)`, `select_from(t)`), by its name."""
        if table.cls not in CORE_TABLES:
            return
        for text in (v for key, vals in table.fields if key == CORE_TABLE_NAME for v in vals):
            if isinstance(text, Text) and None not in text.parts:
                name = render(text.parts)
                what = f'{last_name(site.func)}(Table("{name}"){column})'
                orm = OrmModel(site.loc, name, name, "sqlalchemy")
                yield self._table_query(site, frame, summary, source, orm, what, text.trace)

    def _generic_hits(self, func: Resolved, site: CallSite, frame: Frame, summary: Summary) -> Iterator[Hit]:
        """A method a repository inherits from a library base given the model as a type argument:
        `teams.count()` on a `SQLAlchemyAsyncRepositoryService[Team]` queries Team's table."""
        instance = func.receiver if isinstance(func, External) else None
        if not (isinstance(instance, Obj) and isinstance(instance.cls, Unit) and isinstance(site.func, Attr)):
            return
        for cls in self.resolver.type_arguments(instance.cls, MAX_DEPTH):
            orm = self._model(cls, frame) if isinstance(cls, Unit) else None
            if isinstance(cls, Unit) and orm is not None:
                what = f"{instance.cls.name}.{site.func.name}() of {cls.name}"
                yield self._table_query(site, frame, summary, site.func.base, orm, what, ())

    def _manager_hits(self, site: CallSite, owner: Value, frame: Frame, summary: Summary) -> Iterator[Hit]:
        """A query through the manager of a model held in a value (`self.model.objects.filter(...)`)."""
        assert isinstance(site.func, Attr) and isinstance(site.func.base, (Attr, Var))
        for found in self.resolver.eval(owner, frame, MAX_DEPTH):
            resolved = found.cls if isinstance(found, Obj) else found  # `self.query`: the instance's class's
            orm = self._model(resolved, frame) if isinstance(resolved, Unit) else None
            if isinstance(resolved, Unit) and orm is not None:
                what = f"{resolved.name}.{site.func.base.name}.{site.func.name}()"
                yield self._table_query(site, frame, summary, owner, orm, what, ())

    def _model(self, cls: Unit, frame: Frame) -> OrmModel | None:
        """The model a class is (no hop to it: a linked model's position is not kept between runs)."""
        orm = self.project.model_table(f"{cls.module}.{cls.name}", self.resolver.path(frame.module))
        return orm if orm is not None and orm.table else None

    def _table_query(
        self,
        site: CallSite,
        frame: Frame,
        summary: Summary,
        source: Value,
        orm: OrmModel,
        what: str,
        hops: tuple[Hop, ...],
    ) -> Hit:
        """The query at the site on the model's table, with how the statement around ``source`` aggregates."""
        path = self.resolver.path(frame.module)
        queries = Queries(lambda qualified: self.project.model_table(qualified, path), self._org_keys,
                          self.project.methods_named, self.project.model_field, self.project.app_model,
                          lambda qualified: self.project.function(qualified, path))  # fmt: skip
        found = queries.statement(_spliced(summary, frame.env), source, orm, site.loc.line)
        aggregate, grouped = ("", "") if found is None or found.scoped else (found.how, found.grouped_by or "")
        fact = TableQuery(site.loc, _scope(frame.unit), orm.table, f"{what} -> table `{orm.table}`", aggregate, grouped)
        return Hit(fact, hops)

    def _options(self, values: tuple[Resolved, ...], model: SinkModel) -> Iterator[Resolved]:
        """The values; a library options struct (`&redis.Options{Addr: ...}`) replaced by its field named
        like the model's keyword; a collection by its elements (`extra(where=[...])`, or a settings entry
        `{"LOCATION": ...}`, its line then the first hop); a dict a Redis command is given by its keys, the
        keys it touches (`xreadgroup(g, c, {stream: ">"})`, `mset({key: value})`)."""
        for value in values:
            if model.keyword and isinstance(value, Obj) and isinstance(value.cls, str):
                yield from (v for name, vals in value.fields if name == model.keyword for v in vals)
            elif isinstance(value, Coll):
                path = self.resolver.path(value.frame.module)
                keyed = model.sink == "redis" and value.value.kind == "dict"
                for item in value.value.keys if keyed else value.value.values:
                    for element in self.resolver.eval(item, value.frame, MAX_DEPTH):
                        yield _entry(element, path, value.frame.line) if model.setting else element
            else:
                yield value

    def _made_with(self, func: Resolved, model: SinkModel) -> Vals:
        """The argument a model reads from the call that made the receiver (kept by the resolver as a field);
        a dotted keyword reads on in an object given there (`Client(transport=Transport(url=u))`: `transport.url`)."""
        made = func.receiver if isinstance(func, External) else func if isinstance(func, Obj) else None
        if made is None:
            return ()
        first, *rest = model.arg.split(".") if isinstance(model.arg, str) else (made_argument(model.arg),)
        found = tuple(v for name, vals in made.fields if name in (first, model.keyword) for v in vals)
        for field in rest:
            found = tuple(v for obj in found if isinstance(obj, Obj) for name, vals in obj.fields if name == field for v in vals)
        return found

    def _field_texts(self, obj: Obj, field: str) -> list[Text]:
        return [v for name, vals in obj.fields if name == field for v in vals if isinstance(v, Text)]

    def _parametric(self, module: str, summary: Summary) -> bool:
        """Does the unit pass something of its parameters or receiver to a sink, or to a helper that does?
        Only then can a caller's arguments make it reach more than it reaches alone (which is reported
        where it is)."""
        if id(summary) in self._parametric_units:
            return self._parametric_units[id(summary)]
        self._parametric_units[id(summary)] = False  # recursion: no further than this
        frame = Frame(module, summary.name, None, self.receiver_of(module, summary.name))
        found = False
        closed = self._encloses(module, summary)
        for site in summary.calls:
            manager = _managed(site, summary)
            if (manager is not None and _mentions(manager, summary, set(), closed)) or (
                _runs_builder(site) and _mentions(site.func, summary, set(), closed)
            ):
                found = True
                break
            name = last_name(site.func)
            if closed and isinstance(site.func, Var) and site.func.kind == "local" and _mentions(site.func, summary, set(), closed):
                found = True  # a function its closure holds (a wrapping decorator's `fn(conn, table)`)
                break
            if name not in self.models.by_name and name not in self.helpers:
                continue
            # The values it hands on, and the connection a statement runs on: a caller's may be a tenant store.
            if any(_mentions(value, summary, set(), closed, receiver=False) for value in self._connection(site, "sql")):
                # `session.scalars(select(M))` on a parameter: no library's until a caller says. A receiver's
                # connection, or a command's, counts below only where the call resolves to a library's: a
                # method calling `self.cache.get(k)` would otherwise be a sink for every caller.
                found = True
                break
            handed = (*site.args, *(v for _, v in site.kwargs), *self._connection(site))
            if not any(_mentions(value, summary, set(), closed) for value in handed):
                continue
            for func in self.resolver.eval(site.func, frame.at(site.loc.line), MAX_DEPTH):
                if self.models.matches(self.callee_names(func, site), isinstance(func, (Unit, Bound, Applied))):
                    found = True
                elif isinstance(func, (Unit, Bound, Applied)):
                    target = func.func if isinstance(func, Applied) else func
                    unit = target.method if isinstance(target, Bound) else target
                    callee = self.resolver.summary(unit.module, unit.name)
                    found = callee is not None and callee.kind == "function" and self._parametric(unit.module, callee)
                if found:
                    break
            if found:
                break
        self._parametric_units[id(summary)] = found
        return found

    def _connection(self, site: CallSite, sinks: str | frozenset[str] = _ON_STORES) -> tuple[Value, ...]:
        """The receiver of a call a model may take for a statement or a command (`conn.execute(...)`)."""
        models = self.models.by_name.get(site.func.name, ()) if isinstance(site.func, Attr) else ()
        return (site.func.base,) if isinstance(site.func, Attr) and any(m.sink in sinks for _, m in models) else ()

    def _encloses(self, module: str, summary: Summary) -> bool:
        """Whether a function is nested in a function: the names it does not bind are its closure's."""
        outer = summary.name.rpartition(".")[0]
        found = self.resolver.summary(module, outer) if outer else None
        return found is not None and found.kind == "function"

    def _helper_hits(self, called: Unit | Bound | Applied, site: CallSite, frame: Frame, depth: int) -> Iterator[Hit]:
        applied = called if isinstance(called, Applied) else None
        func = called.func if isinstance(called, Applied) else called
        unit = func.method if isinstance(func, Bound) else func
        summary = self.resolver.summary(unit.module, unit.name)
        if summary is None or summary.kind != "function":
            return
        if not self._parametric(unit.module, summary):
            return
        call = Call(site.func, site.args, site.kwargs)
        skip = 1 if isinstance(func, Bound) and not summary.static else 0
        env = self.resolver.bind(summary, call, frame, MAX_DEPTH, skip, applied)
        receiver = func.receiver if isinstance(func, Bound) else None
        own, statements = self._own_keys(unit.module, summary, depth - 1)
        path = self.resolver.unit_path(unit.module, unit.name)
        for hit in self.unit_hits(unit.module, summary, env, receiver, depth - 1, passed=True):
            key = _key(hit)
            # The helper's own finding, whoever calls it, is reported there: unless the caller's connection
            # puts its statement on a tenant store that makes more of it tenant.
            if key in own or (key[:2] in statements and not self.project.store_decides(path, hit)):
                continue
            note = f"`{unit.name}` passes it on: {_preview(hit.fact)}"
            moved = replace(hit.fact, loc=site.loc, scope=_scope(frame.unit))
            yield replace(hit, fact=moved, hops=(Hop(path, hit.fact.loc.line, note), *hit.hops), helper=True)

    def _own_keys(
        self, module: str, summary: Summary, depth: int
    ) -> tuple[frozenset[_Key], frozenset[tuple[str, str]]]:
        """What a helper reaches alone (reported where it is), and those statements whatever their store,
        asked at each of its call sites: keyed by the memoised hits' identity, so that a partial answer
        (inside a recursion) is never kept."""
        alone = self.unit_hits(module, summary, None, self.receiver_of(module, summary.name), depth)
        if id(alone) not in self._own:
            keys = frozenset(_key(hit) for hit in alone)
            self._own[id(alone)] = keys, frozenset(key[:2] for key in keys)
        return self._own[id(alone)]


def _spliced(summary: Summary, env: Env | None) -> Summary:
    """The unit with the arguments its caller passes as `*criteria` in place of that parameter
    (`where(*criteria)` of a generic repository is pinned by what the call gives)."""
    spread = {
        param.name: vals[0].value.values
        for param in summary.params
        if param.variadic
        for name, vals in env or ()
        if name == param.name and len(vals) == 1 and isinstance(vals[0], Coll)
    }
    if not spread:
        return summary

    def args(values: tuple[Value, ...]) -> tuple[Value, ...]:
        return tuple(
            item
            for value in values
            for item in (spread[value.name] if isinstance(value, Var) and value.kind == "param" and value.name in spread else (value,))
        )

    return replace(summary, calls=tuple(replace(site, args=args(site.args)) for site in summary.calls))


def _entry(value: Resolved, path: str, line: int | None) -> Resolved:
    """A value of a settings entry, with the line the settings mapping is written at as its first hop."""
    if line is None or not isinstance(value, (Text, EnvValue)) or value == HOLE:
        return value
    what = f"env `{render(value.name.parts)}`" if isinstance(value, EnvValue) else f'"{render(value.parts)}"'
    return replace(value, trace=(Hop(path, line, f"settings entry: {what}"), *value.trace))


def _managed(site: CallSite, summary: Summary) -> Value | None:
    """The value holding the model of a manager's method call, `self.model` in `self.model.objects.count()`,
    the receiver in a model's own `cls.query.filter(...)`; None for a model named by its class (the
    frontend's OrmQuery facts have those)."""
    func = site.func
    if isinstance(func, Attr) and isinstance(func.base, Attr) and func.base.name in ORM_MANAGERS:
        owner = func.base.base
        return None if isinstance(owner, Var) and owner.kind == "global" else owner
    manager = func.base if isinstance(func, Attr) else None
    if isinstance(manager, Var) and manager.kind in ("self", "cls") and manager.name in ORM_MANAGERS and summary.params:
        return Var("param", summary.params[0].name)
    return None


def _runs_builder(site: CallSite) -> bool:
    """Does the call run a query-builder chain (gorm's `db.Model(m).Count(&n)`, bun's `...Scan(ctx)`)?"""
    return isinstance(site.func, Attr) and builders.runs(site.func.name, site.args)


def _manager_owner(func: Value) -> Value | None:
    """The model whose manager a chain starts from: `M` of `M.objects.filter(...).using(alias)`."""
    while isinstance(func, (Attr, Call)):
        if isinstance(func, Attr) and func.name in ORM_MANAGERS:
            return func.base
        func = func.base if isinstance(func, Attr) else func.func
    parts = func.name.split(".") if isinstance(func, Var) and func.kind == "global" else []
    at = next((i for i, part in enumerate(parts) if i and part in ORM_MANAGERS), None)
    return Var("global", ".".join(parts[:at])) if at is not None else None


def _chain_root(func: Value) -> Value:
    """What a method chain starts from: `db` of `db.Model(m).Where(...).Count`."""
    while isinstance(func, (Attr, Call)):
        func = func.base if isinstance(func, Attr) else func.func
    return func


def _method(func: Value) -> tuple[Value, str] | None:
    """A method call's receiver and name: `queries.q(...)`, also an imported module's global `db.queries.q(...)`."""
    if isinstance(func, Attr):
        return func.base, func.name
    if isinstance(func, Var) and func.kind == "global" and "." in func.name:
        base, _, name = func.name.rpartition(".")
        return Var("global", base), name
    return None


def _held(func: Value, env: Env | None) -> bool:
    """Whether a call's callee is a function its closure holds (`fn(...)` of a wrapping decorator)."""
    return isinstance(func, Var) and func.kind == "local" and any(name == func.name for name, _ in env or ())


def registered(value: Value) -> Iterator[str]:
    """The names of the functions a module-level value holds: itself (`read = read_memories`), what a call it is
    made by is given (`make_reader(T)`, `partial(count, ...)`), each of a registry's entries."""
    for held in value.values if isinstance(value, Collection) else (value,):
        named = (held.func, *held.args) if isinstance(held, Call) else (held,)
        yield from filter(None, map(last_name, named))


def called_name(func: Value) -> str | None:
    """The name a call site is gated by: a generic function called with type arguments (`QueryAll[Row](...)`)
    by its own; a call of a call's result (`reader_for(T)(cur, org)`) by the factory that made it."""
    while isinstance(func, (Item, Call)):
        func = func.base if isinstance(func, Item) else func.func
    return last_name(func)


def last_name(func: Value) -> str | None:
    if isinstance(func, Attr):
        return func.name
    if isinstance(func, Var):
        return func.name.rsplit(".", 1)[-1]
    return None


def _mentions(value: Value, summary: Summary, seen: set[str], closed: bool = False, receiver: bool = True) -> bool:
    """Does a value depend on a parameter or (``receiver``) the receiver (through the unit's local bindings too;
    with ``closed``, a nested function's free names, which the enclosing call binds)?"""
    if isinstance(value, Var):
        if value.kind == "param" or (receiver and value.kind in ("self", "cls")):
            return True
        if value.kind != "local" or value.name in seen:
            return False
        seen.add(value.name)
        bound = [b for b in summary.bindings if b.name == value.name]
        return any(_mentions(b.value, summary, seen, closed, receiver) for b in bound) or (closed and not bound)
    for name in type(value).__slots__:
        field = getattr(value, name)
        for item in field if isinstance(field, tuple) else (field,):
            child = item[1] if isinstance(item, tuple) else item  # (keyword, value) pairs
            if not isinstance(child, (str, int, float, bool, type(None))) and _mentions(
                child, summary, seen, closed, receiver
            ):
                return True
    return False


def template(parts: tuple[str | None, ...]) -> Template:
    return tuple(Ref(None) if part is None else part for part in parts)


def _scope(unit: str) -> str:
    return MODULE_SCOPE if unit == MODULE_SCOPE else unit.split(".", 1)[0]


def _one_store(connections: Sequence[Obj | None], loc: Location, scope: str) -> tuple[Hit, ...]:
    """What opened the library connection a call runs on, as facts at the call: none unless every value it
    may be was opened from the same place (a name bound to two connections proves neither)."""
    stores = {tuple(_preview(h.fact) for h in store): store for store in (_store(c, loc, scope) for c in connections)}
    return stores.popitem()[1] if len(stores) == 1 else ()


def _opened(value: Obj) -> bool:
    return any(key == STORE for key, _ in value.fields)


def _store(receiver: Obj | None, loc: Location, scope: str, depth: int = _HOLDER_DEPTH) -> tuple[Hit, ...]:
    if receiver is not None and isinstance(receiver.cls, Unit) and not _opened(receiver) and depth > 0:
        # a project object holding a connection (ent's generated client, its per-entity clients' driver):
        # on that connection's store, when every one it holds was opened from the same place
        held = (_store(v, loc, scope, depth - 1) for _, vals in receiver.fields for v in vals if isinstance(v, Obj))
        stores = {tuple(_preview(h.fact) for h in store): store for store in held if store}
        return stores.popitem()[1] if len(stores) == 1 else ()
    dsns = next((vals for key, vals in receiver.fields if key == STORE), ()) if receiver is not None else ()
    kind = "redis" if receiver is not None and "redis" in str(receiver.cls) else "postgres"
    return tuple(
        Hit(EnvRead(loc, scope, template(dsn.name.parts)), dsn.trace) if isinstance(dsn, EnvValue)
        else Hit(Connect(loc, scope, kind, template(dsn.parts)), dsn.trace)
        for dsn in dsns if isinstance(dsn, (EnvValue, Text))
    )  # fmt: skip


def _url(fact: Connect) -> bool:
    return any(isinstance(part, str) and "://" in part for part in fact.target)


def _statements(values: Vals) -> Iterator[Text]:
    """The SQL of the library statement objects among values."""
    for value in values:
        if isinstance(value, Obj):
            yield from (t for key, vals in value.fields if key == STATEMENT for t in vals if isinstance(t, Text))


def _queried(values: Vals) -> Iterator[Unit]:
    """The model classes the library query builders among values name."""
    for value in values:
        if isinstance(value, Obj):
            yield from (c for key, vals in value.fields if key == QUERIED for c in vals if isinstance(c, Unit))


def _key(hit: Hit) -> _Key:
    """A hit, as a caller's may repeat a helper's own: the same statement on the same store."""
    return type(hit.fact).__name__, _preview(hit.fact), tuple(_preview(s.fact) for s in hit.store)


def _preview(fact: SinkFact) -> str:
    text = " ".join(render(tuple(None if isinstance(p, Ref) else p for p in _value(fact))).split())
    return text if len(text) <= 80 else text[:77] + "..."


def _value(fact: SinkFact) -> Template:
    if isinstance(fact, Sql):
        return fact.text
    if isinstance(fact, HttpCall):
        return fact.url
    if isinstance(fact, EnvRead):
        return fact.name
    if isinstance(fact, TableQuery):
        return (fact.note,)
    return fact.key if isinstance(fact, RedisKey) else fact.target
