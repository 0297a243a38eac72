"""The view `molecule-lint graph` shows unless `--all`: what a reviewer came for.

Every service stays, and every node a finding involves (so every violating
edge). The other data stores of a column fold into one node ("117
unclassified data": on Plane, env vars such as EMAIL_HOST and DEBUG would
otherwise fill the page), and the edges into them into one edge per service,
with their counts and evidence summed. A fold keeps its members, for search
and drill-down.
"""

from __future__ import annotations

from collections import defaultdict

from molecule_lint.views import COLUMN_TITLES, EdgeKey, ServiceView, ViewEdge, ViewNode

FOLD_PREFIX = "fold:"


def focused(view: ServiceView) -> ServiceView:
    keep = {node_id for node_id, node in view.nodes.items() if node.kind == "service"}
    keep |= {node_id for item in view.findings for node_id in item.nodes}
    by_column: dict[str, list[ViewNode]] = defaultdict(list)
    for node_id, node in view.nodes.items():
        if node_id not in keep:
            by_column[node.column].append(node)
    nodes = {node_id: node for node_id, node in view.nodes.items() if node_id in keep}
    fold_of: dict[str, str] = {}
    for column, members in by_column.items():
        if len(members) == 1:  # a fold of one hides its name for nothing
            nodes[members[0].id] = members[0]
            continue
        fold = _fold(column, members)
        nodes[fold.id] = fold
        fold_of.update((member.id, fold.id) for member in members)
    return ServiceView(view.title, dict(sorted(nodes.items())), _edges(view, fold_of), view.findings)


def _fold(column: str, members: list[ViewNode]) -> ViewNode:
    # Folded stores are never on a finding's chain, so a fold is never a violating edge's end.
    return ViewNode(
        f"{FOLD_PREFIX}{column}", "fold", f"{len(members)} {COLUMN_TITLES[column]}", members[0].plane, members=tuple(members)
    )


def _edges(view: ServiceView, fold_of: dict[str, str]) -> dict[EdgeKey, ViewEdge]:
    edges = {key: edge for key, edge in view.edges.items() if key[1] not in fold_of}
    merged: dict[EdgeKey, ViewEdge] = {}
    for (source, target), edge in view.edges.items():
        if target in fold_of:
            into = merged.setdefault((source, fold_of[target]), ViewEdge(source, fold_of[target], edge.kind))
            into.count += edge.count
            into.evidence += edge.evidence
    for edge in merged.values():
        edge.evidence.sort(key=lambda hop: (hop.path, hop.line, hop.note))
    return dict(sorted((edges | merged).items()))
