"""What the HTML page shows when a node is selected, as data for its script.

A service drills down to its modules (the files its edges out of the service
start in, those on a violating edge first) and each module to its hop lines;
a data store or fold to the services that reach it, and a fold to its
members. Every repository string goes through textsafe.human.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from molecule_lint.textsafe import human
from molecule_lint.views import ServiceView

HopLine = tuple[str, str]  # ("path:line", "→ target: note")


def drilldown(view: ServiceView, node_ids: dict[str, str]) -> dict[str, dict[str, Any]]:
    """Element id ("n3") -> {"title", "modules": [[path, violating, [hop lines]]], "sources", "members"}."""
    modules: dict[str, dict[str, list[tuple[int, HopLine]]]] = defaultdict(lambda: defaultdict(list))
    violating_modules: set[tuple[str, str]] = set()
    sources: dict[str, list[list[Any]]] = defaultdict(list)
    for edge in view.edges.values():
        target = view.nodes[edge.target].label
        sources[edge.target].append([human(view.nodes[edge.source].label), edge.count, edge.violating])
        for hop in edge.evidence:
            modules[edge.source][hop.path].append((hop.line, (f"{hop.path}:{hop.line}", f"→ {target}: {hop.note}")))
            if edge.violating:
                violating_modules.add((edge.source, hop.path))
    data: dict[str, dict[str, Any]] = {}
    for node_id, node in view.nodes.items():
        entry: dict[str, Any] = {"title": human(f"{node.label} — {node.caption}")}
        if node.kind == "service":
            files = modules[node_id]
            order = sorted(files, key=lambda path: ((node_id, path) not in violating_modules, -len(files[path]), path))
            entry["modules"] = [
                [human(path), (node_id, path) in violating_modules, [[human(w), human(n)] for _, (w, n) in sorted(files[path])]]
                for path in order
            ]
        else:
            entry["sources"] = sources[node_id]
            entry["members"] = [[human(m.label), human(m.caption)] for m in node.members]
        data[node_ids[node_id]] = entry
    return data
