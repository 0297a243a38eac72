"""Mermaid `flowchart LR`: a subgraph per column, violating edges styled red by linkStyle."""

from __future__ import annotations

from molecule_lint.render.style import COLUMN_COLORS, VIOLATION_COLOR
from molecule_lint.textsafe import mermaid_label
from molecule_lint.views import COLUMN_TITLES, ServiceView, ViewNode


def render(view: ServiceView) -> str:
    ids = {node_id: f"n{number}" for number, node_id in enumerate(view.nodes)}
    lines = ["flowchart LR"]
    for column, nodes in view.columns():
        lines.append(f'  subgraph {column}["{mermaid_label(COLUMN_TITLES[column])}"]')
        lines.extend(f"    {_node(ids[node.id], node)}" for node in nodes)
        lines.append("  end")
    violating = []
    for number, edge in enumerate(view.edges.values()):
        lines.append(f"  {ids[edge.source]} -->|{edge.count}| {ids[edge.target]}")
        if edge.violating:
            violating.append(str(number))
    if violating:
        lines.append(f"  linkStyle {','.join(violating)} stroke:{VIOLATION_COLOR},stroke-width:2px,color:{VIOLATION_COLOR}")
    for column, nodes in view.columns():
        fill, stroke = COLUMN_COLORS[column]
        lines.append(f"  classDef {column} fill:{fill},stroke:{stroke}")
        lines.append(f"  class {','.join(ids[node.id] for node in nodes)} {column}")
    return "\n".join(lines) + "\n"


def _node(mermaid_id: str, node: ViewNode) -> str:
    label = f"{mermaid_label(node.label)}<br/>{mermaid_label(node.caption)}"
    shape = {"store": '[("{}")]', "fold": '[["{}"]]'}.get(node.kind, '("{}")')
    return mermaid_id + shape.format(label)
