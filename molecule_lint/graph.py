"""The repository as one graph (digraph.DiGraph: networkx's interface, plain dicts), and
reachability questions over it.

Nodes (ids are strings, the `kind` attribute says which):
  unit     "unit:<module>:<scope>"   a module body, a top-level def/class, or a module-level binding
                                     (`WEIGHT = 3`, a table object, a settings instance): a function that
                                     reads one reaches what its value does, not all the module body does
  store    "store:<kind>:<target>"   a table, env var, Redis key space, endpoint, DSN or tenant module
  service  "service:<name>"
Edges carry `kind` (import, use, access, contains, serves) and their evidence
(`path`, `line`, `note`). Reachability follows import, use and access edges.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from molecule_lint.digraph import DiGraph
from molecule_lint.facts import (
    MODULE_SCOPE,
    Attr,
    Call,
    Collection,
    Concat,
    FileFacts,
    Format,
    Import,
    Item,
    Location,
    PathJoin,
    Route,
    Use,
    Value,
    Var,
)
from molecule_lint.findings import Hop
from molecule_lint.linker import Access, Project, unit_id

FLOW_EDGES = frozenset({"import", "use", "access"})


def unit_node(module: str, scope: str) -> str:
    return f"unit:{unit_id(module, scope)}"


def store_node(kind: str, target: str) -> str:
    return f"store:{kind}:{target}"


def access_node(access: Access) -> str:
    """The store an access reaches: one tenant by its connection's store alone is a node of its own (the
    platform's own table of that name stays the platform's)."""
    node = store_node(access.kind, access.target)
    return f"{node}@tenant-store" if access.on_tenant_store else node


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: str
    path: str
    loc: Location
    note: str
    ref: str | None = None  # for a use: the qualified name as the code wrote it


class RepoGraph:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.g = DiGraph()
        self.accesses: dict[str, list[Access]] = {}
        self._bindings: dict[str, frozenset[str]] = {}  # module -> its module-level binding names
        self._binding_units: dict[str, tuple[str, str]] = {}  # binding node -> (module, name), edges to add
        for service in project.config.services:
            self.g.add_node(f"service:{service.name}", kind="service", plane=service.plane, label=service.name)
        for path in sorted(project.files):
            f = project.files[path]
            if f.error is None and f.module:
                self._add_file(f)
        done: set[str] = set()
        while len(done) < len(self._binding_units):  # a binding's value may name another binding
            for node, (module, name) in list(self._binding_units.items()):
                if node not in done:
                    done.add(node)
                    self._add_binding(node, module, name)

    # -- construction -------------------------------------------------------

    def _unit(self, module: str, scope: str) -> str:
        node = unit_node(module, scope)
        if node not in self.g:
            path = self.project.index.paths.get(module, "")
            service = self.project.service_of(path) if path else None
            self.g.add_node(
                node,
                kind="unit",
                module=module,
                scope=scope,
                path=path,
                service=service,
                plane=self.project.plane_of(path) if path else None,
                label=module if scope == MODULE_SCOPE else f"{module}.{scope}",
            )
            if service:
                self.g.add_edge(f"service:{service}", node, kind="contains")
        return node

    def _edge(
        self, source: str, target: str, kind: str, path: str, loc: Location, note: str, ref: str | None = None
    ) -> None:
        """Add an edge, or count one more piece of evidence for it (a use wins over an import)."""
        existing = self.g.get_edge_data(source, target)
        if existing is None:
            self.g.add_edge(source, target, kind=kind, path=path, line=loc.line, loc=loc, note=note, ref=ref, count=1)
            return
        existing["count"] += 1
        if kind == "use" and existing["kind"] != "use":
            existing.update(kind=kind, path=path, line=loc.line, loc=loc, note=note, ref=ref)

    def _add_file(self, f: FileFacts) -> None:
        project = self.project
        self._unit(f.module, MODULE_SCOPE)
        tenant_code = project.is_tenant_code(f.module)
        for fact in f.facts:
            if isinstance(fact, Import) and not fact.typing_only:
                target = self._imported_module(fact, f.path)
                if target and target != f.module:
                    self._edge(self._unit(f.module, fact.scope), self._unit(target, MODULE_SCOPE), "import", f.path, fact.loc, import_note(fact))
            elif isinstance(fact, Use):
                resolved = project.resolve_symbol(fact.target, f.path)
                if resolved is None or resolved == (f.module, fact.scope):
                    continue
                source, target = self._unit(f.module, fact.scope), self._target(fact.target, f.path, resolved)
                self._edge(source, target, "use", f.path, fact.loc, f"uses `{fact.target}`", fact.target)
                if not tenant_code and project.is_tenant_code(resolved[0]):
                    store = self._store("module", resolved[0], "tenant")
                    self._edge(source, store, "access", f.path, fact.loc, f"uses tenant code `{fact.target}`")
            elif isinstance(fact, Route):
                endpoint = self._store("endpoint", f"{fact.method} {fact.path}", project.plane_of(f.path))
                self._edge(self._unit(f.module, fact.scope), endpoint, "serves", f.path, fact.loc, f"serves {fact.method} {fact.path}")
        accesses = list(project.accesses(f))
        self.accesses[f.path] = accesses
        for access in accesses:
            store = self._store(access.kind, access.target, access.plane, access_node(access))
            self._edge(self._unit(f.module, access.scope), store, "access", f.path, access.loc, access.note)

    def _target(self, qualified: str, near: str, resolved: tuple[str, str]) -> str:
        """The node a use of ``qualified`` reaches: a module-level binding's own unit, else the unit it runs in."""
        module, scope = resolved
        name = self._bound_name(qualified, near, resolved)
        if name is not None:
            node = self._unit(module, name)
            self._binding_units.setdefault(node, (module, name))
            return node
        return self._unit(module, scope)

    def _bound_name(self, qualified: str, near: str, resolved: tuple[str, str]) -> str | None:
        """The module-level binding ``qualified`` names (`LABELS` of `pkg.mod.LABELS.get`), if any."""
        module, scope = resolved
        located = self.project.locate(qualified, near) if scope == MODULE_SCOPE else None
        name = located[1] if located is not None else None
        return name if name is not None and name in self._binding_names(module) else None

    def reached_node(self, qualified: str, near: str, resolved: tuple[str, str]) -> str:
        """The node a call of ``qualified`` runs (``resolved`` its unit), on the built graph: a module-level
        binding's own (`LABELS.get` runs on the bound value, not the module's body), else its unit's."""
        name = self._bound_name(qualified, near, resolved)
        return unit_node(resolved[0], name) if name is not None else unit_node(*resolved)

    def _binding_names(self, module: str) -> frozenset[str]:
        names = self._bindings.get(module)
        if names is None:
            body = self.project.summaries[module].get(MODULE_SCOPE)
            bound = {b.name for b in body.bindings} if body is not None else set()
            names = self._bindings[module] = frozenset(bound - self.project.definitions[module])
        return names

    def _add_binding(self, node: str, module: str, name: str) -> None:
        """A binding's edges: the names its value uses, and the accesses written on its line."""
        project = self.project
        body = project.summaries[module][MODULE_SCOPE]
        for binding in body.bindings:
            if binding.name != name:
                continue
            path = project.binding_paths.get((module, name, binding.line), project.index.paths.get(module, ""))
            loc = Location(binding.line, 1, binding.line, 1)
            for qualified in _names(binding.value, module, self._binding_names(module) | project.definitions[module]):
                resolved = project.resolve_symbol(qualified, path)
                target = self._target(qualified, path, resolved) if resolved is not None else node
                if target != node:
                    self._edge(node, target, "use", path, loc, f"uses `{qualified}`", qualified)
            for access in self.accesses.get(path, ()):
                if access.scope == MODULE_SCOPE and access.loc.line == binding.line:
                    store = self._store(access.kind, access.target, access.plane, access_node(access))
                    self._edge(node, store, "access", path, access.loc, access.note)

    def _imported_module(self, fact: Import, near: str) -> str | None:
        index = self.project.index
        if fact.name and fact.name != "*":
            submodule = index.resolve(f"{fact.module}.{fact.name}", near)
            if submodule:
                return submodule
        return index.resolve(fact.module, near)

    def _store(self, kind: str, target: str, plane: str | None, node: str = "") -> str:
        node = node or store_node(kind, target)
        if node not in self.g:
            self.g.add_node(node, kind="store", store_kind=kind, target=target, plane=plane, label=target)
        elif plane == "tenant":
            self.g.nodes[node]["plane"] = "tenant"
        return node

    # -- questions ----------------------------------------------------------

    def plane(self, node: str) -> str | None:
        plane: str | None = self.g.nodes[node].get("plane")
        return plane

    def edge(self, source: str, target: str) -> Edge:
        data = self.g.edges[source, target]
        return Edge(source, target, data["kind"], data["path"], data["loc"], data["note"], data.get("ref"))

    def next_hops(self, sinks: Iterable[str], through_platform: bool = False) -> dict[str, str]:
        """For every node that reaches a sink, its next step on a shortest path.

        Multi-source BFS on the reversed flow edges; nodes of the platform plane
        are not walked through (their own findings report them) unless
        ``through_platform`` (a platform loop calling platform helpers, MOL202).
        """
        next_hop: dict[str, str] = {}
        queue = deque(sorted(sinks))
        seen = set(queue)
        while queue:
            node = queue.popleft()
            for pred in sorted(self.g.predecessors(node)):
                if pred in seen or self.g.edges[pred, node].get("kind") not in FLOW_EDGES:
                    continue
                seen.add(pred)
                next_hop[pred] = node
                if through_platform or self.plane(pred) != "platform":
                    queue.append(pred)
        return next_hop

    def chain(self, start: str, next_hop: dict[str, str]) -> list[Edge]:
        edges: list[Edge] = []
        node = start
        while node in next_hop and len(edges) < 64:
            edges.append(self.edge(node, next_hop[node]))
            node = next_hop[node]
        return edges

    def tenant_sinks(self) -> tuple[set[str], set[str]]:
        """(tenant data stores, tenant code) — chains to data are preferred."""
        data: set[str] = set()
        code: set[str] = set()
        for node, attrs in self.g.nodes(data=True):
            if attrs.get("kind") == "store" and attrs.get("plane") == "tenant":
                (code if attrs["store_kind"] == "module" else data).add(node)
        return data, code


def _names(value: Value, module: str, own: frozenset[str] | set[str]) -> Iterable[str]:
    """The qualified names a value reads: imported names, and the module's own definitions and bindings."""
    if isinstance(value, Var):
        if value.kind == "global":
            yield value.name
        elif value.kind == "local" and value.name in own:
            yield f"{module}.{value.name}"
    elif isinstance(value, Call):
        for part in (value.func, *value.args, *(v for _, v in value.kwargs)):
            yield from _names(part, module, own)
    elif isinstance(value, Attr):
        yield from _names(value.base, module, own)
    elif isinstance(value, Item):
        yield from _names(value.base, module, own)
        yield from _names(value.key, module, own)
    elif isinstance(value, (Concat, PathJoin)):
        for part in value.parts:
            yield from _names(part, module, own)
    elif isinstance(value, Format):
        for part in (value.fmt, *value.args, *(v for _, v in value.kwargs)):
            yield from _names(part, module, own)
    elif isinstance(value, Collection):
        for part in (*value.keys, *value.values):
            yield from _names(part, module, own)


def hops(edges: Iterable[Edge]) -> tuple[Hop, ...]:
    return tuple(Hop(e.path, e.loc.line, e.note) for e in edges)


_STORE_WORDS = {
    "table": "table",
    "env": "data-store env var",
    "redis": "Redis key space",
    "http": "endpoint",
    "connect": "data store",
    "module": "code",
}


def describe_store(kind: str | None, target: str | None) -> str:
    """A store as words: "table `agent_memories`", "Redis key space `ws:*`"."""
    return f"{_STORE_WORDS.get(kind or '', 'data')} `{target}`"


def import_note(fact: Import) -> str:
    if fact.name is None:
        return f"import {fact.module}"
    return f"from {fact.module} import {fact.name}"
