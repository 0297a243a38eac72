"""Join the facts of all files: resolve names across modules, constants into
strings, models into tables, and classify every data access as tenant or not.

This is where cross-file evidence comes together: a table name held in a
constant of another module, a model defined in a tenant package, a function
re-exported through an `__init__`.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TypeVar

from molecule_lint.catalog import DataCatalog, EndpointPattern, path_segments
from molecule_lint.config import Config
from molecule_lint.core.sinks import Hit, SinkFact, Sinks
from molecule_lint.core.strings import render
from molecule_lint.core.values import MAX_DEPTH, Resolved, Text
from molecule_lint.deployments import Deployed, Deployments, Env, host_of
from molecule_lint.discover import ServiceMap
from molecule_lint.facts import (
    CLASS_QUERIES,
    CLASS_QUERY_ORMS,
    MODULE_SCOPE,
    ORM_DELETES,
    ORM_WRITES,
    Connect,
    Constant,
    Definition,
    EnvRead,
    Fact,
    FileFacts,
    HttpCall,
    Import,
    Location,
    OrmModel,
    OrmQuery,
    RedisKey,
    Ref,
    Route,
    Sql,
    Summary,
    TableQuery,
    Template,
    Value,
)
from molecule_lint.findings import Hop
from molecule_lint.modules import ModuleIndex, django_app_label
from molecule_lint.sql import SqlAnalysis, analyze_sql

# How deep constants may refer to constants, and re-exports to re-exports.
MAX_HOPS = 8
_HOLE_NAME = re.compile(r"__hole_\d+__")
_DELETE = re.compile(r"\s*(?:WITH\b.*?\)\s*)?DELETE\b", re.IGNORECASE | re.DOTALL)
_URL_HEAD = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*|\{\})://[^/]*")  # a scheme from config is a hole: `{}://host`
_UNKNOWN_PATH = re.compile(r"(?:\{\})+(?:[?#].*)?", re.S)


@dataclass(frozen=True, slots=True)
class Access:
    """A unit touching a data store or a remote API, with its evidence."""

    kind: str  # "table" | "env" | "redis" | "http" | "connect"
    target: str  # table name, env var, key template, URL path, DSN host
    plane: str | None  # "tenant" | "platform" | None (unclassified)
    path: str
    loc: Location
    scope: str
    note: str
    confidence: str = "high"  # "low" when the SQL could not be parsed
    verb: str = "reads"  # of a table: "reads" | "writes" | "deletes"
    # The evidence from here to every place that contributed (helper, builder, constant); empty: only here.
    trace: tuple[Hop, ...] = ()
    on_tenant_store: bool = False  # tenant by the store its connection comes from, not by its name

    def evidence(self) -> tuple[Hop, ...]:
        """The hops a finding shows: this access, then where its value came from."""
        return (Hop(self.path, self.loc.line, self.note), *self.trace)


@dataclass(frozen=True, slots=True)
class Linked:
    """Files' accesses and the value hits found while linking them (Project.linked)."""

    accesses: dict[str, list[Access]]
    hits: dict[str, tuple[Hit, ...]]


def orm_verb(operation: str) -> str:
    return "deletes" if operation in ORM_DELETES else "writes" if operation in ORM_WRITES else "reads"


def unit_id(module: str, scope: str) -> str:
    return f"{module}:{scope}"


class Project:
    """All files' facts, linked."""

    def __init__(
        self,
        config: Config,
        files: list[FileFacts],
        catalog: DataCatalog,
        known: Sequence[FileFacts] = (),
        discovered: Sequence[str] = (),
    ) -> None:
        """``files`` are linked and checked; ``known`` files only name things (definitions, imports,
        constants, models, routes) for them to resolve against: an incremental run checks the
        changed files against the rest of the project as the last run saw it. ``discovered``: every
        file's path, analysed or not (an unanalysed `__init__.py` still makes its folder a package)."""
        self.config = config
        self.catalog = catalog
        self.services = ServiceMap(config.services)
        self.files = {f.path: f for f in files}
        everything = [*files, *known]
        modules = {f.module: f.path for f in everything if f.module and f.error is None}
        markers = [path for path in discovered if path.rsplit("/", 1)[-1] == "__init__.py"]
        self.index = ModuleIndex(modules, [f.path for f in everything if f.language == "python"], markers)
        self.definitions: dict[str, set[str]] = defaultdict(set)
        self.imports: dict[str, dict[str, Import]] = defaultdict(dict)
        self.star_imports: dict[str, list[str]] = defaultdict(list)
        self.constants: dict[str, Template] = {}
        self.models: dict[str, OrmModel] = {}
        self._methods: dict[str, list[Summary]] | None = None  # by their own name, made on first use
        self.routes: list[tuple[str, Route]] = []
        self.summaries: dict[str, dict[str, Summary]] = defaultdict(dict)  # module -> unit name -> summary
        # A Go package spans files: each file's own units, and the file of each unit and module-level binding.
        self.file_summaries: dict[str, list[Summary]] = defaultdict(list)
        self.unit_paths: dict[tuple[str, str], str] = {}
        self.binding_paths: dict[tuple[str, str, int], str] = {}
        self._packages: dict[str, list[FileFacts]] = defaultdict(list)  # a Go package's files
        self._everything = {f.path: f for f in everything}
        self._importing: dict[str, set[str]] | None = None  # made on first use
        self._app_models: dict[tuple[str, str], str] | None = None  # made on first use
        for f in everything:
            if f.language == "go" and f.module and f.error is None:
                self._packages[f.module].append(f)
            self._register(f)
        self._sinks: Sinks | None = None  # made on first use: runs that link nothing pay nothing
        self._deployments: Deployments | None = None  # made on first use
        self._manifest_stores: frozenset[str] | None = None  # made on first use
        self._hits: dict[str, tuple[Hit, ...]] = {}
        self._accesses: dict[str, list[Access]] = {}
        self._reached: dict[tuple[str, frozenset[str]], list[Access]] = {}  # a tenant file's, by the units evaluated
        self._reached_written: dict[str, list[Access]] = {}  # those tenant files' own accesses
        self._tenant_code: dict[str, bool] = {}
        self._located: dict[tuple[str, str], tuple[str, str | None] | None] = {}
        self._class_constants: dict[tuple[str, str], Template | None] = {}
        # A route of parameters only (`/<int:id>` of a namespace mounted elsewhere, `/`) names no path a call
        # could be told by: it would match every call of that many segments.
        self.tenant_routes = [p for p in self._routes_of("tenant") if any(s != "*" for s in p.segments)]
        self.platform_routes = self._routes_of("platform")
        self.declared_catalog = catalog  # as the config and migrations have it: what the prefilter's needles come from
        self.catalog = catalog.with_tenant_tables(self._tenant_model_tables())

    def _tenant_model_tables(self) -> Iterator[str]:
        """The tables of the ORM models that tenant data modules declare (a schema `create_all()` makes
        has no migration to read)."""
        for name, model in sorted(self.models.items()):
            module = name.rpartition(".")[0]
            if any(self.catalog.is_tenant_module(m) for m in (module, self.index.display_name(module))):
                found = model if model.table else self.model_table(name, "")
                if found is not None and found.table:
                    yield found.table

    def _routes_of(self, plane: str) -> list[EndpointPattern]:
        """Endpoints the services of a plane declare (so calls to them are recognised unconfigured).

        One pattern per distinct path: a service declares the same shapes many times over.
        """
        patterns: dict[tuple[str, ...], EndpointPattern] = {}
        for path, route in self.routes:
            if self.plane_of(path) == plane:
                segments = path_segments(route.path)
                patterns.setdefault(segments, EndpointPattern(segments, f"{route.method} {route.path}"))
        return [patterns[key] for key in sorted(patterns)]

    def _register(self, f: FileFacts) -> None:
        for fact in f.facts:
            if isinstance(fact, Definition):
                self.definitions[f.module].add(fact.name)
            elif isinstance(fact, Import) and fact.scope == MODULE_SCOPE and not fact.typing_only:
                if fact.name == "*":
                    self.star_imports[f.module].append(fact.module)
                else:
                    self.imports[f.module][fact.alias] = fact
            elif isinstance(fact, Constant):
                self.constants[f"{f.module}.{fact.name}"] = fact.value
            elif isinstance(fact, OrmModel):
                self.models[fact.name] = fact
            elif isinstance(fact, Route):
                self.routes.append((f.path, fact))
            elif isinstance(fact, Summary):
                self._add_summary(f, fact)

    def package_bodies(self, module: str) -> list[Summary]:
        """The module body of each file of a Go package, as the file has it."""
        files = self._packages.get(module, [])
        return [s for f in files if len(files) > 1 for s in self.file_summaries[f.path] if s.name == MODULE_SCOPE]

    def _add_summary(self, f: FileFacts, summary: Summary) -> None:
        """The module bodies of a package's files are one body (Go forbids a name declared twice in a
        package, so a binding is known by its module, name and line)."""
        self.file_summaries[f.path].append(summary)
        if summary.name == MODULE_SCOPE:
            for binding in summary.bindings:
                self.binding_paths[(f.module, binding.name, binding.line)] = f.path
            previous = self.summaries[f.module].get(MODULE_SCOPE)
            if previous is not None and self.unit_paths.get((f.module, MODULE_SCOPE)) != f.path:
                summary = replace(previous, bindings=previous.bindings + summary.bindings)
        self.summaries[f.module][summary.name] = summary
        self.unit_paths[(f.module, summary.name)] = f.path

    def module_units(self, module: str) -> Iterator[tuple[str, Summary]]:
        """Every unit of a module with the file it is written in: a Go package's `init` of each of its files
        (``summaries`` keeps one unit by name)."""
        paths = [f.path for f in self._packages.get(module, ())] or [self.index.paths.get(module, "")]
        return ((path, summary) for path in paths for summary in self.file_summaries.get(path, ()))

    # -- planes -------------------------------------------------------------

    def service_of(self, path: str) -> str | None:
        return self.services.service_of(path)

    def plane_of(self, path: str) -> str | None:
        return self.services.plane_of(path)

    def module_plane(self, module: str) -> str | None:
        path = self.index.paths.get(module)
        return self.plane_of(path) if path else None

    def is_tenant_code(self, module: str) -> bool:
        """``tenant_data.modules`` name modules as code imports them (`kit.models`, in `libs/kit/src/`)."""
        if module not in self._tenant_code:  # asked for every use of a name: ~100k times on a large project
            self._tenant_code[module] = self.module_plane(module) == "tenant" or any(
                self.catalog.is_tenant_module(name) for name in (module, self.index.display_name(module))
            )
        return self._tenant_code[module]

    # -- names --------------------------------------------------------------

    def locate(self, qualified: str, near: str = "") -> tuple[str, str | None] | None:
        """Where a qualified name lives: (canonical module, top-level name or None for the module).

        Follows re-exports (`from .store import get` in an `__init__`) and star imports.
        """
        key = (qualified, near)  # asked for every name a use, a query or the core reads
        if key not in self._located:
            self._located[key] = self._follow(qualified, near)
        return self._located[key]

    def _follow(self, qualified: str, near: str) -> tuple[str, str | None] | None:
        for _ in range(MAX_HOPS):
            split = self.index.split(qualified, near)
            if split is None:
                return None
            module, symbol = split
            target = None if symbol is None or symbol in self.definitions[module] else self._reexport(module, symbol)
            if target is None:
                return module, symbol
            qualified, near = target, self.index.paths.get(module, near)
        return None

    def resolve_symbol(self, qualified: str, near: str = "") -> tuple[str, str] | None:
        """The unit a qualified name runs in: a top-level def/class, else the module body."""
        located = self.locate(qualified, near)
        if located is None:
            return None
        module, symbol = located
        return module, symbol if symbol in self.definitions[module] else MODULE_SCOPE

    def _reexport(self, module: str, symbol: str) -> str | None:
        imported = self.imports[module].get(symbol)
        if imported is not None:
            if imported.name:
                return f"{imported.module}.{imported.name}"
            # `import a.b` binds `a`, the top package; `import a.b as c` binds `a.b`.
            top = imported.module.split(".")[0]
            return top if imported.alias == top else imported.module
        for source in self.star_imports[module]:
            resolved = self.index.resolve(source, self.index.paths.get(module, ""))
            if resolved and (symbol in self.definitions[resolved] or self._binds(resolved, symbol)):
                return f"{resolved}.{symbol}"
        return None

    def _binds(self, module: str, symbol: str) -> bool:
        """Does the module's body bind the name (a Go package's `var Memories = newMemoriesTable(...)`)?"""
        body = self.summaries[module].get(MODULE_SCOPE)
        return body is not None and any(binding.name == symbol for binding in body.bindings)

    def canonical(self, qualified: str, near: str = "") -> str | None:
        located = self.locate(qualified, near)
        if located is None:
            return None
        module, symbol = located
        return module if symbol is None else f"{module}.{symbol}"

    def render(self, template: Template, near: str = "", hole: str = "{}") -> str:
        """A template as text, constants substituted (across modules), unknowns as ``hole``."""
        return "".join(self._parts(template, near, hole, MAX_HOPS))

    def _parts(self, template: Template, near: str, hole: str, budget: int) -> Iterator[str]:
        for part in template:
            if isinstance(part, str):
                yield part
                continue
            value = self._constant(part, near) if budget > 0 else None
            if value is None:
                yield hole
            else:
                yield from self._parts(value, near, hole, budget - 1)

    def _constant(self, ref: Ref, near: str) -> Template | None:
        if ref.name is None:
            return None
        if ref.name in self.constants:
            return self.constants[ref.name]
        name = self.canonical(ref.name, near)
        found = self.constants.get(name) if name else None
        if found is None and name is not None and self.plane_of(near) == "tenant":
            return self._class_constant(ref.name, name, near)
        return found

    def _class_constant(self, qualified: str, located: str, near: str) -> Template | None:
        """An attribute of a project class named in full (`Tables.MEMORIES` of an Enum, a config class's field), as
        the core resolves it: one text without a hole, else None. Asked for tenant code only, which the core does
        not read (value_hits): what a platform call of it reaches (checks/callreach.py)."""
        key = (qualified, near)
        if key not in self._class_constants:
            self._class_constants[key] = None
            split = self.index.split_all(qualified, near)
            module, _, symbol = located.rpartition(".")
            if split is not None and len(split[1]) > 1 and self.summaries.get(module, {}).get(symbol) is not None:
                attribute = ".".join((located, *split[1][1:]))
                texts = self.sinks().resolver.global_name(attribute, module, MAX_DEPTH)
                if len(texts) == 1 and isinstance(texts[0], Text) and None not in texts[0].parts:
                    self._class_constants[key] = (render(texts[0].parts),)
        return self._class_constants[key]

    def methods_named(self, name: str) -> list[Summary]:
        """The project's methods (of any class) with this name."""
        if self._methods is None:
            self._methods = defaultdict(list)
            for units in self.summaries.values():
                for unit, summary in units.items():
                    if summary.kind == "function" and "." in unit:
                        self._methods[unit.rsplit(".", 1)[1]].append(summary)
        return self._methods.get(name, [])

    def model_field(self, model: OrmModel, field: str) -> Value | None:
        """The value a model's class body gives one of its fields (`models.ForeignKey(Project, ...)`), or None."""
        module, _, unit = model.name.rpartition(".")
        body = self.summaries.get(module, {}).get(unit)
        values = [b.value for b in body.bindings if b.name == field] if body is not None else []
        return values[-1] if values else None

    def function(self, name: str, near: str) -> Summary | None:
        """The project function or method a name refers to: one of the file ``near`` ("recent", "Repo.base"),
        else a qualified name, through re-exports; None for anything else."""
        own = self._everything.get(near)
        found = self.summaries.get(own.module, {}).get(name) if own is not None else None
        located = self.locate(name, near) if found is None else None
        return self.summaries.get(located[0], {}).get(located[1]) if located and located[1] else found

    def function_file(self, name: str, near: str) -> str | None:
        """The file of the function `function(name, near)` finds."""
        own = self._everything.get(near)
        if own is not None and name in self.summaries.get(own.module, {}):
            return near
        located = self.locate(name, near)
        return self.index.paths.get(located[0]) if located and located[1] else None

    def app_model(self, *names: str) -> str | None:
        """The Django model `apps.get_model("app", "Model")` or `get_model("app.Model")` names: its class, by
        app label and model name (the name is case-insensitive, as Django's registry has it)."""
        label, _, name = names[0].rpartition(".") if len(names) == 1 else (names[0], "", names[1])
        if self._app_models is None:
            self._app_models = {}
            for qualified, model in sorted(self.models.items()):
                if model.framework == "django":
                    module, _, cls = qualified.rpartition(".")
                    self._app_models.setdefault((django_app_label(module), cls.lower()), qualified)
        return self._app_models.get((label, name.lower()))

    def model_table(self, model: str, near: str) -> OrmModel | None:
        name = self.canonical(model, near)
        found = self.models.get(name) if name else self.models.get(model)
        if found is None or not found.table_from:
            return found
        resolved = self._model_named_elsewhere(found)
        self.models[found.name] = resolved
        return resolved if resolved.table else None

    def _model_named_elsewhere(self, model: OrmModel) -> OrmModel:
        """A model whose table is a value from another module (`__tablename__ = Tables.MEMORIES.value`):
        its table when the core resolves it to one known name, else none."""
        module = model.name.rpartition(".")[0]
        values = self.sinks().resolver.global_name(model.table_from, module, MAX_DEPTH)
        return replace(model, table=one_name(values) or model.table, table_from="")

    # -- accesses -----------------------------------------------------------

    def accesses(self, f: FileFacts) -> list[Access]:
        """Every data-store or API access of one file, classified: what its facts say at the line, and
        what the value-flow core finds where values from elsewhere reach a sink (outside tenant code,
        where no rule needs it). One access per line, kind and target: the one with the longest trace."""
        if f.path not in self._accesses:
            self._accesses[f.path] = self._accessed(f, self._written(f), self.value_hits(f))
        return self._accesses[f.path]

    def reached_accesses(self, f: FileFacts, first: int, last: int) -> list[Access]:
        """A tenant file's accesses on lines ``first``..``last`` that a platform call reaches (checks/callreach.py),
        with what the core finds there too: its own URL and query building the frontend's facts may not follow.
        Only the units written on those lines (and the file's body, whose statements lie anywhere) are
        evaluated, not the whole file: a platform call reaches a few of its functions."""
        units = tuple(
            s for s in self.file_summaries.get(f.path, ())
            if s.name == MODULE_SCOPE or (s.loc.line <= last and first <= s.loc.end_line)
        )  # fmt: skip
        key = (f.path, frozenset(s.name for s in units))
        if key not in self._reached:
            if f.path not in self._reached_written:  # the same for each set of its units
                self._reached_written[f.path] = self._written(f)
            hits = tuple(self.sinks().file_hits(f.module, list(units)))
            self._reached[key] = self._accessed(f, self._reached_written[f.path], hits)
        return [a for a in self._reached[key] if first <= a.loc.line <= last]

    def linked(self, paths: Iterable[str]) -> Linked:
        """These files' accesses, and every value hit found on the way (of theirs and of the files they
        read), for another process to adopt."""
        accesses = {path: self.accesses(self.files[path]) for path in paths}
        return Linked(accesses, dict(self._hits))

    def adopt(self, linked: Linked) -> None:
        """What another process linked (a forked child, from the same facts): those files need no linking here."""
        for path, hits in linked.hits.items():
            self._hits.setdefault(path, hits)
        for path, accesses in linked.accesses.items():
            self._accesses.setdefault(path, accesses)

    def _written(self, f: FileFacts) -> list[Access]:
        """The accesses the file's own facts make (those whose SQL another file runs aside)."""
        elsewhere = self._run_elsewhere(f)
        return [access for fact in f.facts if not _literal_at(fact, elsewhere) for access in self._fact_accesses(f.path, fact)]

    def _accessed(self, f: FileFacts, own: list[Access], hits: tuple[Hit, ...]) -> list[Access]:
        found: dict[tuple[int, str, str], Access] = {}
        candidates = list(own)
        written: dict[tuple[str, str], list[Access]] = defaultdict(list)
        for access in candidates:
            written[(access.kind, access.target)].append(access)
        for hit in hits:
            store = self.tenant_store(f.path, hit)
            named = self._fact_accesses(f.path, hit.fact) if hit.restated else iter(())
            by_name = {a.target for a in named if a.plane == "tenant"}
            for access in self._fact_accesses(f.path, hit.fact, store is not None):
                if (hit.helper and self._helpers_own(hit.hops[0], access)) or access.target in by_name:
                    continue
                if hit.restated and (store is None or access.plane != "tenant"):
                    continue
                same = _within(access.loc, written[(access.kind, access.target)])
                if store is not None and access.plane == "tenant" and (same is None or same.plane != "tenant"):
                    by_store = replace(access, trace=(*hit.hops, *store.hops), on_tenant_store=True)
                    candidates.append(by_store)
                else:
                    candidates.append(replace(same or access, trace=hit.hops))
        for access in candidates:
            key = (access.loc.line, access.kind, access.target)
            if key not in found or len(access.trace) > len(found[key].trace):
                found[key] = access
        return sorted(found.values(), key=lambda a: (a.loc.line, a.loc.column, a.kind, a.target))

    def _helpers_own(self, hop: Hop, access: Access) -> bool:
        """Whether the platform helper a call-site access goes through (its first hop) has that access at its own
        line already, a tenant one of the same kind whose target covers this one (`/workspaces/{}/memories`
        covers `/workspaces/default/memories`): the caller only filled in a value, the finding is the helper's."""
        helper = self._everything.get(hop.path)
        if helper is None or access.plane != "tenant" or self.plane_of(hop.path) != "platform":
            return False  # shared code is judged by its callers
        facts = [*(h.fact for h in self.value_hits(helper)), *helper.facts]
        return any(
            own.kind == access.kind and own.plane == "tenant" and _covers(own.target, access.target)
            for fact in facts if fact.loc.line == hop.line
            for own in self._fact_accesses(hop.path, fact)
        )

    def sinks(self) -> Sinks:
        """The value-flow core over this project, made on first use: runs that link nothing pay nothing."""
        if self._sinks is None:
            self._sinks = Sinks(self)
        return self._sinks

    def forget_values(self) -> None:
        """The value-flow core's memo dropped once the checks are done: what follows (the cache written,
        the report) needs none of it."""
        if self._sinks is not None:
            self._sinks.forget()

    def value_hits(self, f: FileFacts) -> tuple[Hit, ...]:
        """The sinks values from elsewhere reach in this file, found by the value-flow core; none in tenant
        code, where no rule needs them (but reached_accesses)."""
        if self.plane_of(f.path) == "tenant":
            return ()
        if f.path not in self._hits:
            hits: tuple[Hit, ...] = ()
            if f.path in self.file_summaries:
                hits = tuple(self.sinks().file_hits(f.module, self.file_summaries[f.path]))
            self._hits[f.path] = hits
        return self._hits[f.path]

    def _run_elsewhere(self, f: FileFacts) -> frozenset[int]:
        """Lines of a file whose SQL another file runs (a constant in queries.go, a `queries` package or
        sql/queries.py; the query in store.go or a management command): reported where it runs, as the
        frontend does within one file. The others: a Go package's other files and the files of packages
        importing it; the Python files importing a module that writes SQL in its body."""
        lines: set[int] = set()
        if f.language == "go":
            others = [*self._packages.get(f.module, []), *self._importing_files(f.module)]
        elif any(isinstance(fact, Sql) and fact.via == "literal" and fact.scope == MODULE_SCOPE for fact in f.facts):
            others = self._importing_files(f.module)
        else:
            others = []  # the index of importers is made only when a file may need it
        for other in others:
            if other.path != f.path:
                hits = self.value_hits(other)
                lines.update(hop.line for hit in _run(hits) for hop in hit.hops if hop.path == f.path)
        # And the file's own, where the frontend sees no flow: an entry of a literal dict of queries that a lookup
        # or a loop over its values runs (`execute(QUERIES["recent"])`, `for q in QUERIES.values()`).
        lines.update(
            hop.line for hit in _run(self.value_hits(f))
            for hop in hit.hops if hop.path == f.path and hop.line != hit.fact.loc.line
        )  # fmt: skip
        return frozenset(lines)

    def _importing_files(self, module: str) -> list[FileFacts]:
        return [self._everything[path] for path in sorted(self.importers().get(module, ()))]

    def importers(self) -> dict[str, set[str]]:
        """The files importing each module at their top (Python: `from pkg import mod` imports `pkg.mod` too;
        Go: a package's importers)."""
        if self._importing is None:
            self._importing = defaultdict(set)
            for path, other in self._everything.items():
                for fact in other.facts:
                    if isinstance(fact, Import) and fact.scope == MODULE_SCOPE and not fact.typing_only:
                        self._importing[fact.module].add(path)
                        if other.language == "python" and fact.name not in (None, "*"):
                            self._importing[f"{fact.module}.{fact.name}"].add(path)
        return self._importing

    def sql_facts(self, f: FileFacts) -> list[tuple[Sql, tuple[Hop, ...]]]:
        """A file's SQL with the evidence after its line: the facts at the line, and what the core resolved
        (one per line and text: the one with the longer trace)."""
        found: dict[tuple[int, str], tuple[Sql, tuple[Hop, ...]]] = {}
        written: dict[str, list[Sql]] = defaultdict(list)
        elsewhere = self._run_elsewhere(f)
        for fact in f.facts:
            if isinstance(fact, Sql) and not _literal_at(fact, elsewhere):
                written[self.render(fact.text, f.path)].append(fact)
        hits: list[tuple[Sql, tuple[Hop, ...]]] = []
        for hit in _run(self.value_hits(f)):
            if isinstance(hit.fact, Sql):
                same = _within(hit.fact.loc, written[self.render(hit.fact.text, f.path)])
                hits.append((same or hit.fact, hit.hops))
        for fact, trace in [(fact, ()) for facts in written.values() for fact in facts] + hits:
            key = (fact.loc.line, self.render(fact.text, f.path))
            if key not in found or len(trace) > len(found[key][1]):
                found[key] = (fact, trace)
        return sorted(found.values(), key=lambda pair: (pair[0].loc.line, pair[0].loc.column))

    def tenant_store(self, path: str, hit: Hit) -> Hit | None:
        """What opened the connection a statement runs on, when that is a tenant store by the judgement of a
        connection's own (MOL102): a tenant data-store variable, a DSN on a tenant service's host; each of
        them, when it may be opened from several (`url = os.Getenv(A)`, else `os.Getenv(B)`)."""
        tenant = [s for s in hit.store if self._opens_tenant_store(path, s.fact)]
        return tenant[0] if tenant and len(tenant) == len(hit.store) else None

    def _opens_tenant_store(self, path: str, fact: SinkFact) -> bool:
        """A tenant connection by MOL102's judgement, or a variable the platform's manifests set to a URL on
        a tenant store's host (MOL401's: Airflow's `AIRFLOW_CONN_<ID>` of a connection id)."""
        if any(a.plane == "tenant" for a in self._fact_accesses(path, fact)):
            return True
        return isinstance(fact, EnvRead) and self.render(fact.name, path) in self.manifest_tenant_stores()

    def deployments(self) -> Deployments:
        """Manifest services mapped to configured services, with their resolved environment; made on first use."""
        if self._deployments is None:
            self._deployments = Deployments(self)
        return self._deployments

    def manifest_tenant_stores(self) -> frozenset[str]:
        """The variables a platform service's manifest sets to a URL on a tenant data store's host: one only
        tenant services use, or one a tenant service's data-store variable (`tenant_data.env`) points at (a
        platform service's use makes it "mixed")."""
        if self._manifest_stores is None:
            deployments = self.deployments()
            hosts: dict[Env, Deployed] = {}
            for env in deployments.envs:
                host = deployments.host(env) if env.deployed.service is not None else None
                if host is not None and host.deployed is not None and deployments.is_store(host.deployed):
                    hosts[env] = host.deployed
            tenants = {id(store) for env, store in hosts.items() if env.deployed.plane == "tenant" and self.catalog.is_tenant_env(env.name)}
            self._manifest_stores = frozenset(
                env.name for env, store in hosts.items()
                if env.deployed.plane == "platform" and (store.plane == "tenant" or store.plane == "mixed" and id(store) in tenants)
            )  # fmt: skip
        return self._manifest_stores

    def store_decides(self, path: str, hit: Hit) -> bool:
        """Whether the store a hit runs on makes tenant a table or key its names alone do not."""
        if self.tenant_store(path, hit) is None:
            return False
        by_name = {(a.kind, a.target) for a in self._fact_accesses(path, hit.fact) if a.plane == "tenant"}
        on_store = self._fact_accesses(path, hit.fact, tenant_store=True)
        return any(a.plane == "tenant" and (a.kind, a.target) not in by_name for a in on_store)

    def _fact_accesses(self, path: str, fact: Fact | TableQuery, tenant_store: bool = False) -> Iterator[Access]:
        """``tenant_store``: the fact runs on a connection to a tenant store (its tables are judged so)."""
        if isinstance(fact, Sql):
            yield from self._sql_accesses(path, fact, tenant_store)
        elif isinstance(fact, OrmQuery):
            model = self.model_table(fact.model, path)
            if model is not None and (fact.operation not in CLASS_QUERIES or model.framework in CLASS_QUERY_ORMS):
                note = f"{fact.operation}({fact.model.rsplit('.', 1)[-1]}) -> table `{model.table}`"
                yield self._table(path, fact.loc, fact.scope, model.table, note, verb=orm_verb(fact.operation))
        elif isinstance(fact, TableQuery):
            yield self._table(path, fact.loc, fact.scope, fact.table, fact.note, tenant_store=tenant_store)
        elif isinstance(fact, EnvRead):
            name = self.render(fact.name, path)
            if "{}" not in name:  # a data-store variable by the config, or by where the platform's manifests point it
                plane = "tenant" if self.catalog.is_tenant_env(name) or name in self.manifest_tenant_stores() else None
                yield Access("env", name, plane, path, fact.loc, fact.scope, f"reads env `{name}`")
        elif isinstance(fact, RedisKey):
            key = self.render(fact.key, path)
            plane = "tenant" if tenant_store or self.catalog.is_tenant_redis_key(key) else None
            yield Access("redis", key, plane, path, fact.loc, fact.scope, f"redis {fact.command} `{key}`")
        elif isinstance(fact, HttpCall):
            yield self._http_access(path, fact)
        elif isinstance(fact, Connect):
            target = self.render(fact.target, path)
            if target.replace("{}", "").strip():  # a DSN we know nothing of is no evidence
                yield self._connect_access(path, fact, target)

    def _table(
        self,
        path: str,
        loc: Location,
        scope: str,
        table: str,
        note: str,
        confidence: str = "high",
        verb: str = "reads",
        schema: str | None = None,
        tenant_store: bool = False,
    ) -> Access:
        name = table.lower()
        plane = self.catalog.table_plane(name, schema)
        if tenant_store and confidence == "high" and self.catalog.tenant_on_tenant_store(name, schema):
            plane = "tenant"
        return Access("table", name, plane, path, loc, scope, note, confidence, verb)

    def sql(self, path: str, fact: Sql) -> tuple[SqlAnalysis, str] | None:
        """What a SQL fact does, with its text shortened for evidence; None when it is not SQL."""
        text = self._render_sql(fact.text, path)
        analysis = analyze_sql(text, known_sql=fact.via != "literal")
        if analysis is None:
            return None
        snippet = _HOLE_NAME.sub("{}", " ".join(text.split()))  # holes read as format fields, not internal names
        return analysis, snippet if len(snippet) <= 80 else snippet[:77] + "..."

    def _sql_accesses(self, path: str, fact: Sql, tenant_store: bool = False) -> Iterator[Access]:
        found = self.sql(path, fact)
        if found is None:
            return
        analysis, note = found
        confidence = "high" if analysis.confidence == "parsed" else "low"
        deletes = _DELETE.match(note) is not None
        for ref in sorted({*analysis.reads, *analysis.writes}, key=lambda r: (r.name, r.schema or "")):
            verb = "reads" if ref in analysis.reads else "deletes" if deletes else "writes"
            yield self._table(path, fact.loc, fact.scope, ref.name, note, confidence, verb, ref.schema, tenant_store)

    def _render_sql(self, template: Template, path: str) -> str:
        """SQL with each unknown part as a distinct `__hole_N__` identifier the SQL module understands."""
        out = []
        for number, piece in enumerate(self.render(template, path, hole="\0").split("\0")):
            if number:
                out.append(f"__hole_{number - 1}__")
            out.append(piece)
        return "".join(out)

    def _http_access(self, path: str, fact: HttpCall) -> Access:
        url = self.render(fact.url, path)
        base = self.render(fact.base, path) if fact.base else ""
        full = url if _URL_HEAD.match(url) or not base else base.rstrip("/") + "/" + url.lstrip("/")
        host_plane = self.url_plane(full)
        rest = _URL_HEAD.sub("", full)
        segments = path_segments(rest.removeprefix("{}"))
        # A URL that is only holes (and a query) has an unknown path: `get(url)` is no call of the route `/`.
        known = _UNKNOWN_PATH.fullmatch(rest) is None
        plane = None
        # The tenant's host with a wholly unknown path is no evidence alone: a helper given the path by its
        # callers (`get(base + path)`) is judged at each call, where a probe is told from functional data.
        if known and host_plane != "platform" and not self.catalog.is_probe(segments) and (
            (host_plane == "tenant" and bool(segments))
            or any(p.matches(segments) for p in self.catalog.tenant_endpoints)
            or (
                any(p.matches(segments) for p in self.tenant_routes)
                and not any(p.matches(segments) for p in self.platform_routes)
            )
        ):
            plane = "tenant"
        return Access("http", "/" + "/".join(segments), plane, path, fact.loc, fact.scope, f"{fact.method} {full}")

    def _compose_plane(self, target: str) -> str | None:
        """The plane of the compose data store a connection's DSN or address names by its host: only a store its
        users declare (depends_on, a tenant-data variable), since one merely named in some env value of a tenant
        may be the platform's own that the tenant misuses (MOL402)."""
        host = host_of("ADDR", target)  # a Redis address is a bare `host:port`
        store = self.deployments().compose_store(host) if host is not None else None
        return store.plane if store is not None and store.declared else None

    def url_plane(self, url: str) -> str | None:
        """The plane of the service whose `urls` the URL starts with."""
        for service in self.config.services:
            for prefix in service.urls:
                if "://" in prefix and url.startswith(prefix.rstrip("/")):
                    return service.plane
        return None

    def _connect_access(self, path: str, fact: Connect, target: str) -> Access:
        plane = "tenant" if self.url_plane(target) == "tenant" or self._compose_plane(target) == "tenant" else None
        return Access("connect", target, plane, path, fact.loc, fact.scope, f"connects to {fact.kind} `{target}`")


_Placed = TypeVar("_Placed", Access, Sql)


def _covers(own: str, target: str) -> bool:
    """``own`` is ``target`` with some parts still unknown ("{}"; "*" for a path segment)."""
    if own == target:
        return True
    unknown = "|".join(re.escape(hole) for hole in ("{}", "*") if hole in own)
    pattern = "[^/]*".join(re.escape(part) for part in re.split(unknown, own)) if unknown else None
    return pattern is not None and re.fullmatch(pattern, target) is not None


def _run(hits: Iterable[Hit]) -> Iterator[Hit]:
    """The statements hits run, each once: not again where a statement object written before runs."""
    return (hit for hit in hits if isinstance(hit.fact, Sql) and not hit.restated)


def _literal_at(fact: Fact, lines: frozenset[int]) -> bool:
    return isinstance(fact, Sql) and fact.via == "literal" and fact.loc.line in lines


def _within(call: Location, written: list[_Placed]) -> _Placed | None:
    """What the frontend found inside a call's span that the core found at the call: one finding, where the
    frontend placed it (a Go literal on the line after `db.QueryContext(ctx,`)."""
    return next((item for item in written if call.line <= item.loc.line <= call.end_line), None)


def one_name(values: Iterable[Resolved]) -> str:
    """The one known name resolved values are; "" when one is unknown or they differ."""
    texts = {render(v.parts) if isinstance(v, Text) else "{}" for v in values}
    known = [text for text in texts if "{}" not in text]
    return known[0] if len(known) == 1 == len(texts) else ""
