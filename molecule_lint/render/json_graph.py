"""The service view as JSON: nodes, edges and findings, sorted, byte-identical for the same input."""

from __future__ import annotations

from typing import Any

from molecule_lint.findings import Hop
from molecule_lint.textsafe import json_text
from molecule_lint.views import ServiceView, ViewEdge, ViewFinding, ViewNode

SCHEMA_VERSION = "1"


def render(view: ServiceView) -> str:
    document = {
        "version": SCHEMA_VERSION,
        "title": view.title,
        "nodes": [_node(node) for node in view.nodes.values()],
        "edges": [_edge(edge) for edge in view.edges.values()],
        "findings": [_finding(finding) for finding in view.findings],
    }
    return json_text(document, indent=2, sort_keys=True) + "\n"


def _node(node: ViewNode) -> dict[str, Any]:
    data: dict[str, Any] = {"id": node.id, "kind": node.kind, "label": node.label, "plane": node.plane, "column": node.column}
    if node.kind == "store":
        data["store_kind"] = node.store_kind
    elif node.kind == "fold":
        data["members"] = [member.id for member in node.members]
    else:
        data["units"] = node.units
    return data


def _edge(edge: ViewEdge) -> dict[str, Any]:
    return {
        "id": edge.id,
        "source": edge.source,
        "target": edge.target,
        "kind": edge.kind,
        "count": edge.count,
        "violating": edge.violating,
        "rules": sorted(edge.rules),
        "evidence": [_hop(hop) for hop in edge.evidence],
    }


def _finding(item: ViewFinding) -> dict[str, Any]:
    f = item.finding
    return {
        "rule": f.rule,
        "severity": f.severity,
        "path": f.path,
        "line": f.loc.line,
        "message": f.message,
        "fingerprint": f.fingerprint,
        "trace": [_hop(hop) for hop in f.trace],
        "edges": list(item.edges),
        "nodes": list(item.nodes),
    }


def _hop(hop: Hop) -> dict[str, Any]:
    return {"path": hop.path, "line": hop.line, "note": hop.note}
