"""A directed graph of plain dicts with the part of networkx.DiGraph's interface the checks use.

networkx costs ~0.1 s to import and more per edge than a dict; the check path needs neither its
algorithms nor its views. Iteration follows insertion order, as networkx's does, so every walk
over the graph (and so every finding) is the same with either. `why` and the graph views still
hand it to networkx where its algorithms earn their place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

Attrs = dict[str, Any]


class DiGraph:
    def __init__(self) -> None:
        self._nodes: dict[str, Attrs] = {}
        self._succ: dict[str, dict[str, Attrs]] = {}
        self._pred: dict[str, dict[str, Attrs]] = {}
        self.nodes = NodeView(self._nodes)
        self.edges = EdgeView(self._succ)

    def __contains__(self, node: object) -> bool:
        return node in self._nodes

    def add_node(self, node: str, **attrs: Any) -> None:
        """Add the node, or update its attributes."""
        if node not in self._nodes:
            self._nodes[node] = {}
            self._succ[node] = {}
            self._pred[node] = {}
        self._nodes[node].update(attrs)

    def add_edge(self, source: str, target: str, **attrs: Any) -> None:
        """Add the edge (and its ends), or update its attributes."""
        for node in (source, target):
            if node not in self._nodes:
                self.add_node(node)
        data = self._succ[source].get(target)
        if data is None:
            data = self._succ[source][target] = self._pred[target][source] = {}
        data.update(attrs)

    def has_edge(self, source: str, target: str) -> bool:
        return target in self._succ.get(source, {})

    def get_edge_data(self, source: str, target: str) -> Attrs | None:
        return self._succ.get(source, {}).get(target)

    def successors(self, node: str) -> Iterator[str]:
        return iter(self._succ[node])

    def predecessors(self, node: str) -> Iterator[str]:
        return iter(self._pred[node])

    def in_edges(self, node: str, data: bool = False) -> Iterator[Any]:
        """(source, node, attributes) of the edges into ``node`` with data=True, else (source, node)."""
        return ((source, node, attrs) if data else (source, node) for source, attrs in self._pred[node].items())


class NodeView:
    def __init__(self, nodes: dict[str, Attrs]) -> None:
        self._nodes = nodes

    def __getitem__(self, node: str) -> Attrs:
        return self._nodes[node]

    def __iter__(self) -> Iterator[str]:
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def get(self, node: str, default: Any = None) -> Any:
        return self._nodes.get(node, default)

    def __call__(self, data: bool = False) -> Iterator[Any]:
        return iter(self._nodes.items()) if data else iter(self._nodes)


class EdgeView:
    def __init__(self, succ: dict[str, dict[str, Attrs]]) -> None:
        self._succ = succ

    def __getitem__(self, edge: tuple[str, str]) -> Attrs:
        return self._succ[edge[0]][edge[1]]

    def __iter__(self) -> Iterator[tuple[str, str]]:
        return ((u, v) for u, targets in self._succ.items() for v in targets)

    def __len__(self) -> int:
        return sum(map(len, self._succ.values()))

    def __call__(self, data: bool | str = False) -> Iterator[Any]:
        """(u, v), (u, v, attributes) with data=True, or (u, v, that attribute) with data="name"."""
        pairs = ((u, v, attrs) for u, targets in self._succ.items() for v, attrs in targets.items())
        if data is True:
            return pairs
        if data is False:
            return ((u, v) for u, v, _ in pairs)
        name = data
        return ((u, v, attrs.get(name)) for u, v, attrs in pairs)
