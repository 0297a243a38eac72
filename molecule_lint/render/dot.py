"""Graphviz text: one cluster per column, violating edges red."""

from __future__ import annotations

from molecule_lint.render.style import COLUMN_COLORS, EDGE_COLOR, VIOLATION_COLOR
from molecule_lint.views import COLUMN_TITLES, ServiceView, ViewEdge, ViewNode


def render(view: ServiceView) -> str:
    lines = [
        "digraph molecule {",
        f"  graph [rankdir=LR, fontname=Helvetica, label={_quote(view.title)}, labelloc=t];",
        "  node [fontname=Helvetica, fontsize=11, style=\"rounded,filled\"];",
        f"  edge [fontname=Helvetica, fontsize=10, color=\"{EDGE_COLOR}\"];",
    ]
    for column, nodes in view.columns():
        fill, stroke = COLUMN_COLORS[column]
        lines.append(f"  subgraph cluster_{column} {{")
        lines.append(f"    label={_quote(COLUMN_TITLES[column])}; style=dashed; color=\"{stroke}\";")
        lines.extend(f"    {_node(node, fill, stroke)}" for node in nodes)
        lines.append("  }")
    lines.extend(f"  {_edge(edge)}" for edge in view.edges.values())
    lines.append("}")
    return "\n".join(lines) + "\n"


def _node(node: ViewNode, fill: str, stroke: str) -> str:
    shape = "cylinder" if node.kind == "store" else "box"
    label = _quote(f"{node.label}\n{node.caption}")
    return f"{_quote(node.id)} [label={label}, shape={shape}, fillcolor=\"{fill}\", color=\"{stroke}\"];"


def _edge(edge: ViewEdge) -> str:
    attrs = [f"label=\"{edge.count}\""]
    if edge.violating:
        attrs += [f"color=\"{VIOLATION_COLOR}\"", f"fontcolor=\"{VIOLATION_COLOR}\"", "penwidth=2"]
        attrs.append(f"tooltip={_quote(' '.join(sorted(edge.rules)))}")
    return f"{_quote(edge.source)} -> {_quote(edge.target)} [{', '.join(attrs)}];"


def _quote(text: str) -> str:
    """A DOT double-quoted string; a newline becomes a centred line break."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
