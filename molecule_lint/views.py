"""The service-level view of the repository graph, for `molecule-lint graph`.

Code units fold into their service (units of no service into "(unassigned)");
data stores stay themselves. Each trace hop of a finding names a path and
line, which we map back to the graph edges (or data accesses) recorded there.
An edge is *violating* when it is a step of a finding taken by the finding's
own service: for MOL104, controlplane -> common is, but common's own read of
the tenant table further down the chain is not (common may read it for the
tenant). Selecting the finding in the HTML page shows its whole chain.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import get_close_matches

from molecule_lint.findings import Finding, Hop
from molecule_lint.graph import FLOW_EDGES, RepoGraph, access_node, unit_node

UNASSIGNED = "(unassigned)"
UNASSIGNED_NODE = f"service:{UNASSIGNED}"

# Columns every renderer groups nodes by, left to right: code, then data.
COLUMN_TITLES = {
    "platform": "platform services",
    "shared": "shared code",
    "tenant": "tenant services",
    "data_tenant": "tenant data",
    "data_platform": "platform data",
    "data_other": "unclassified data",
}
_SERVICE_COLUMNS = {"platform": "platform", "tenant": "tenant", "shared": "shared", "unassigned": "shared"}
_STORE_COLUMNS = {"tenant": "data_tenant", "platform": "data_platform", "unclassified": "data_other"}
STORE_CAPTIONS = {
    "table": "table",
    "env": "env var",
    "redis": "Redis keys",
    "http": "HTTP endpoint",
    "connect": "data store",
    "module": "tenant code",
}

EdgeKey = tuple[str, str]  # (source node id, target node id)
# Where evidence sits — (path, line) -> note -> view edges: trace hops, graph edges and accesses all name one.
_Spots = dict[tuple[str, int], dict[str, set[EdgeKey]]]


class UnknownName(LookupError):
    """A name the user typed (a service, a `why` source or target) names nothing in the project."""

    def __init__(self, role: str, name: str, expected: str, known: Iterable[str]) -> None:
        close = get_close_matches(name, sorted(set(known)), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        super().__init__(f"unknown {role} {name!r}: no {expected} of that name{hint}")


@dataclass(frozen=True, slots=True)
class ViewNode:
    id: str
    kind: str  # "service" | "store" | "fold" (stores of one column folded into one node: focus.py)
    label: str
    plane: str  # services: platform | tenant | shared | unassigned; stores and folds: tenant | platform | unclassified
    store_kind: str | None = None
    units: int = 0  # code units (module bodies, top-level defs) folded into a service
    members: tuple[ViewNode, ...] = ()  # a fold's stores

    @property
    def column(self) -> str:
        if self.kind == "service":
            return _SERVICE_COLUMNS[self.plane]
        return _STORE_COLUMNS[self.plane]

    @property
    def caption(self) -> str:
        """A second line under the label: what the node is."""
        if self.kind == "store":
            return STORE_CAPTIONS.get(self.store_kind or "", self.store_kind or "store")
        if self.kind == "fold":
            kinds = Counter(member.caption for member in self.members)
            return " · ".join(f"{caption} ×{count}" for caption, count in sorted(kinds.items(), key=lambda kc: (-kc[1], kc[0])))
        return f"{self.plane} · {self.units} unit{'s' if self.units != 1 else ''}"


@dataclass(slots=True)
class ViewEdge:
    source: str
    target: str
    kind: str  # "depends" (imports and uses between services) | "access" (a service touching a store)
    count: int = 0  # import/use/access occurrences folded into the edge
    evidence: list[Hop] = field(default_factory=list)  # every access; for imports and uses, the first per unit pair
    rules: set[str] = field(default_factory=set)  # rules of the findings it is a violating step of

    @property
    def id(self) -> str:
        return f"{self.source}->{self.target}"

    @property
    def violating(self) -> bool:
        return bool(self.rules)


@dataclass(frozen=True, slots=True)
class ViewFinding:
    finding: Finding
    edges: tuple[str, ...]  # ids of the view edges its evidence runs along
    nodes: tuple[str, ...]  # their end points and the service of the finding's file


@dataclass(frozen=True, slots=True)
class ServiceView:
    title: str
    nodes: dict[str, ViewNode]  # sorted by id
    edges: dict[EdgeKey, ViewEdge]  # sorted by key
    findings: tuple[ViewFinding, ...]

    def around(self, service: str) -> ServiceView:
        """The service, its neighbours, the edges among them and the findings that touch them."""
        center = f"service:{service}"
        if center not in self.nodes or self.nodes[center].kind != "service":
            raise UnknownName("service", service, "service", self.service_names())
        keep = {center} | {t for s, t in self.edges if s == center} | {s for s, t in self.edges if t == center}
        edges = {key: edge for key, edge in self.edges.items() if key[0] in keep and key[1] in keep}
        ids = {edge.id for edge in edges.values()}
        findings = tuple(
            f for f in self.findings if f.finding.service == service or any(e in ids for e in f.edges)
        )
        nodes = {node_id: node for node_id, node in self.nodes.items() if node_id in keep}
        return ServiceView(f"{self.title} — {service}", nodes, edges, findings)

    def service_names(self) -> list[str]:
        return [n.label for n in self.nodes.values() if n.kind == "service"]

    def columns(self) -> list[tuple[str, list[ViewNode]]]:
        """The non-empty columns, left to right, each with its nodes in id order."""
        by_column: dict[str, list[ViewNode]] = defaultdict(list)
        for node in self.nodes.values():
            by_column[node.column].append(node)
        return [(column, by_column[column]) for column in COLUMN_TITLES if by_column[column]]


def service_view(graph: RepoGraph, findings: Iterable[Finding], title: str) -> ServiceView:
    edges = _project_edges(graph)
    nodes = _nodes(graph, edges)
    spots = _spots(edges)
    view_findings = tuple(_locate(graph, finding, edges, spots, nodes) for finding in findings)
    return ServiceView(title, dict(sorted(nodes.items())), dict(sorted(edges.items())), view_findings)


# -- projection ---------------------------------------------------------------


def _group(graph: RepoGraph, unit: str) -> str:
    service = graph.g.nodes[unit].get("service")
    return f"service:{service}" if service else UNASSIGNED_NODE


def _view_key(graph: RepoGraph, source: str, target: str) -> EdgeKey | None:
    """The view edge a unit-level edge folds into; None when it stays inside one service."""
    if graph.g.nodes[source].get("kind") != "unit":
        return None
    if graph.g.nodes[target].get("kind") == "store":
        return _group(graph, source), target
    head = _group(graph, target)
    return None if head == _group(graph, source) else (_group(graph, source), head)


def _project_edges(graph: RepoGraph) -> dict[EdgeKey, ViewEdge]:
    """View edges with their counts and every piece of evidence folded into them."""
    edges: dict[EdgeKey, ViewEdge] = {}
    evidence: dict[EdgeKey, set[Hop]] = defaultdict(set)
    for source, target, data in graph.g.edges(data=True):
        key = _view_key(graph, source, target) if data["kind"] in FLOW_EDGES else None
        if key is None:
            continue
        kind = "access" if data["kind"] == "access" else "depends"
        edges.setdefault(key, ViewEdge(*key, kind)).count += data["count"]
        evidence[key].add(Hop(data["path"], data["line"], data["note"]))
    # The graph keeps one evidence per unit pair; a finding may cite any access, so add them all.
    for path, accesses in graph.accesses.items():
        module = graph.project.files[path].module
        for access in accesses:
            key = _view_key(graph, unit_node(module, access.scope), access_node(access))
            if key is not None:
                evidence[key].add(Hop(path, access.loc.line, access.note))
    for key, edge in edges.items():
        edge.evidence = sorted(evidence[key], key=lambda hop: (hop.path, hop.line, hop.note))
    return edges


def _spots(edges: dict[EdgeKey, ViewEdge]) -> _Spots:
    spots: _Spots = defaultdict(lambda: defaultdict(set))
    for key, edge in edges.items():
        for hop in edge.evidence:
            spots[hop.path, hop.line][hop.note].add(key)
    return spots


def _nodes(graph: RepoGraph, edges: dict[EdgeKey, ViewEdge]) -> dict[str, ViewNode]:
    units: dict[str, int] = defaultdict(int)
    for node, attrs in graph.g.nodes(data=True):
        if attrs.get("kind") == "unit":
            units[_group(graph, node)] += 1
    nodes = {
        node: ViewNode(node, "service", attrs["label"], attrs["plane"], units=units[node])
        for node, attrs in graph.g.nodes(data=True)
        if attrs.get("kind") == "service"
    }
    if units[UNASSIGNED_NODE]:
        nodes[UNASSIGNED_NODE] = ViewNode(UNASSIGNED_NODE, "service", UNASSIGNED, "unassigned", units=units[UNASSIGNED_NODE])
    for _, target in edges:
        attrs = graph.g.nodes.get(target, {})  # UNASSIGNED_NODE is the view's own
        if attrs.get("kind") == "store":
            plane = attrs.get("plane") or "unclassified"
            nodes[target] = ViewNode(target, "store", attrs["label"], plane, attrs["store_kind"])
    return nodes


# -- findings -----------------------------------------------------------------


def _locate(
    graph: RepoGraph, finding: Finding, edges: dict[EdgeKey, ViewEdge], spots: _Spots, nodes: dict[str, ViewNode]
) -> ViewFinding:
    """The view edges a finding's evidence runs along; those leaving its own service turn violating."""
    keys: set[EdgeKey] = set()
    for hop in finding.trace:
        keys |= _hop_edges(hop, spots)
    service = graph.project.service_of(finding.path)
    own = f"service:{service}" if service else UNASSIGNED_NODE
    for key in keys:
        if key[0] == own:
            edges[key].rules.add(finding.rule)
    involved = {node for key in keys for node in key} | ({own} & nodes.keys())
    return ViewFinding(finding, tuple(sorted(edges[k].id for k in keys)), tuple(sorted(involved)))


def _hop_edges(hop: Hop, spots: _Spots) -> set[EdgeKey]:
    """A hop names its edge by path, line and note; a rule whose notes differ still names the line."""
    at_line = spots.get((hop.path, hop.line), {})
    return at_line.get(hop.note) or {key for keys in at_line.values() for key in keys}
