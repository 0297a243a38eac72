"""Graphviz text: one cluster per column, violating edges red."""

from __future__ import annotations

from molecule_lint.render.style import COLUMN_COLORS, EDGE_COLOR, VIOLATION_COLOR
from molecule_lint.textsafe import dot_string
from molecule_lint.views import COLUMN_TITLES, ServiceView, ViewEdge, ViewNode


def render(view: ServiceView) -> str:
    lines = [
        "digraph molecule {",
        f"  graph [rankdir=LR, fontname=Helvetica, label={dot_string(view.title)}, labelloc=t];",
        "  node [fontname=Helvetica, fontsize=11, style=\"rounded,filled\"];",
        f"  edge [fontname=Helvetica, fontsize=10, color=\"{EDGE_COLOR}\"];",
    ]
    for column, nodes in view.columns():
        fill, stroke = COLUMN_COLORS[column]
        lines.append(f"  subgraph cluster_{column} {{")
        lines.append(f"    label={dot_string(COLUMN_TITLES[column])}; style=dashed; color=\"{stroke}\";")
        lines.extend(f"    {_node(node, fill, stroke)}" for node in nodes)
        lines.append("  }")
    lines.extend(f"  {_edge(edge)}" for edge in view.edges.values())
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node(node: ViewNode, fill: str, stroke: str) -> str:
    shape = {"store": "cylinder", "fold": "folder"}.get(node.kind, "box")
    label = dot_string(node.label, node.caption)
    return f"{dot_string(node.id)} [label={label}, shape={shape}, fillcolor=\"{fill}\", color=\"{stroke}\"];"


def _edge(edge: ViewEdge) -> str:
    attrs = [f"label=\"{edge.count}\""]
    if edge.violating:
        attrs += [f"color=\"{VIOLATION_COLOR}\"", f"fontcolor=\"{VIOLATION_COLOR}\"", "penwidth=2"]
        attrs.append(f"tooltip={dot_string(' '.join(sorted(edge.rules)))}")
    return f"{dot_string(edge.source)} -> {dot_string(edge.target)} [{', '.join(attrs)}];"
