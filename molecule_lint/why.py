"""`molecule-lint why SOURCE TARGET`: the shortest dependency paths from code to a store or module.

SOURCE names code: a service, a file or directory (root-relative), a dotted
module or package (as the code imports it), or a module's function/class.
TARGET names a data store (table, env var, Redis key or pattern, endpoint
path, store node id) or, failing that, code the same ways as SOURCE.
"""

from __future__ import annotations

from collections.abc import Iterable
from fnmatch import fnmatchcase
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from molecule_lint.catalog import path_segments
from molecule_lint.graph import FLOW_EDGES, Edge, RepoGraph, unit_node
from molecule_lint.textsafe import human
from molecule_lint.views import STORE_CAPTIONS, UnknownName

# Ends of the search: every source unit hangs off _START, every target node leads to _END.
_START, _END = ("why", "start"), ("why", "end")


def resolve_source(graph: RepoGraph, name: str) -> frozenset[str]:
    """The code units ``name`` selects (none for a configured service without code)."""
    units = _code_units(graph, name)
    if not units and not _is_service(graph, name):
        raise UnknownName("source", name, "service, module or file", _code_names(graph))
    return units


def resolve_target(graph: RepoGraph, name: str) -> frozenset[str]:
    """The store nodes ``name`` selects, or else its code units."""
    nodes = _stores(graph, name) or _code_units(graph, name)
    if not nodes and not _is_service(graph, name):
        expected = "data store, table, env var, Redis key, endpoint, module or file"
        raise UnknownName("target", name, expected, [*_code_names(graph), *_store_names(graph)])
    return nodes


def shortest_paths(graph: RepoGraph, sources: frozenset[str], targets: frozenset[str], k: int) -> list[list[Edge]]:
    """Up to ``k`` shortest paths over import/use/access edges, fewest hops first.

    A path starts at the last source unit on it and stops at the first target
    node: edges into sources and out of targets are left out of the search.
    """
    sources -= targets
    flow = nx.DiGraph()
    flow.add_edges_from(
        (u, v)
        for u, v, kind in sorted(graph.g.edges(data="kind"))
        if kind in FLOW_EDGES and v not in sources and u not in targets
    )
    flow.add_edges_from((_START, s) for s in sorted(sources))
    flow.add_edges_from((t, _END) for t in sorted(targets))
    if not (sources and targets and nx.has_path(flow, _START, _END)):
        return []
    paths = islice(nx.shortest_simple_paths(flow, _START, _END), k)
    return [[graph.edge(u, v) for u, v in pairwise(path[1:-1])] for path in paths]


def format_paths(graph: RepoGraph, paths: list[list[Edge]]) -> str:
    """Each path headed by its ends, then one hop a line: path:line, the edge's note, and what it joins.

    Lines are escaped for the terminal: paths, notes and names come from the repository.
    """
    lines = []
    for number, path in enumerate(paths, 1):
        hops = f"{len(path)} hop{'s' if len(path) != 1 else ''}"
        lines.append(f"path {number}: {_describe(graph, path[0].source)} -> {_describe(graph, path[-1].target)} ({hops})")
        for edge in path:
            joins = f"{_describe(graph, edge.source)} -> {_describe(graph, edge.target)}"
            lines.append(f"    {edge.path}:{edge.loc.line}  {edge.note}  [{joins}]")
    return "".join(human(line) + "\n" for line in lines)


def _describe(graph: RepoGraph, node: str) -> str:
    attrs = graph.g.nodes[node]
    if attrs.get("kind") == "store":
        return f"{STORE_CAPTIONS.get(attrs['store_kind'], attrs['store_kind'])} `{attrs['target']}`"
    return str(attrs.get("label", node))


# -- names --------------------------------------------------------------------


def _is_service(graph: RepoGraph, name: str) -> bool:
    """A configured service, even one whose paths hold no code yet (it then reaches nothing)."""
    return graph.g.nodes.get(f"service:{name}", {}).get("kind") == "service"


def _units(graph: RepoGraph) -> Iterable[tuple[str, dict[str, Any]]]:
    return ((node, attrs) for node, attrs in graph.g.nodes(data=True) if attrs.get("kind") == "unit")


def _code_units(graph: RepoGraph, name: str) -> frozenset[str]:
    """The first reading of ``name`` that selects any unit: node id, service, path, module, symbol."""
    if name in graph.g and graph.g.nodes[name].get("kind") == "unit":
        return frozenset({name})
    project = graph.project
    path = name.removeprefix("./").rstrip("/")
    module = project.index.resolve(name) or name  # the raw name still selects a namespace package's modules
    readings = (
        lambda a: a.get("service") == name,
        lambda a: a.get("path") == path or a.get("path", "").startswith(path + "/"),
        lambda a: a.get("module") == module or a.get("module", "").startswith(module + "."),
    )
    for matches in readings:
        units = frozenset(node for node, attrs in _units(graph) if matches(attrs))
        if units:
            return units
    symbol = project.resolve_symbol(name)
    if symbol is not None and unit_node(*symbol) in graph.g:
        return frozenset({unit_node(*symbol)})
    return frozenset()


def _stores(graph: RepoGraph, name: str) -> frozenset[str]:
    """Stores whose target is ``name`` (tables in any case), matches it as a glob, or is the same endpoint path."""
    if name in graph.g and graph.g.nodes[name].get("kind") == "store":
        return frozenset({name})
    wanted = name.casefold()
    endpoint = path_segments(name) if name.startswith("/") else None
    found = set()
    for node, attrs in graph.g.nodes(data=True):
        if attrs.get("kind") != "store":
            continue
        target: str = attrs["target"]
        if (
            target.casefold() == wanted
            or ("*" in name and fnmatchcase(target, name))
            or (endpoint is not None and attrs["store_kind"] == "http" and path_segments(target) == endpoint)
        ):
            found.add(node)
    return frozenset(found)


def _code_names(graph: RepoGraph) -> Iterable[str]:
    for _, attrs in graph.g.nodes(data=True):
        if attrs.get("kind") == "service":
            yield attrs["label"]
        elif attrs.get("kind") == "unit":
            yield from (attrs["module"], attrs["path"])


def _store_names(graph: RepoGraph) -> Iterable[str]:
    return (attrs["target"] for _, attrs in graph.g.nodes(data=True) if attrs.get("kind") == "store")

