"""The service view drawn as inline SVG; the geometry comes from layout.py.

Elements carry short ids (data-n="n3", data-e="e7") that the HTML page's
script uses to highlight a finding's nodes and edges.
"""

from __future__ import annotations

from molecule_lint.render.layout import MARGIN, PADDING, TOP, Box, Layout, Route, fit, layout
from molecule_lint.render.style import COLUMN_COLORS, EDGE_COLOR, VIOLATION_COLOR
from molecule_lint.textsafe import html
from molecule_lint.views import COLUMN_TITLES, ServiceView, ViewEdge, ViewNode

MAX_TOOLTIP_HOPS = 6
MAX_TOOLTIP_MEMBERS = 20

_DEFS = (
    "<defs>"
    + "".join(
        f'<marker id="{name}" viewBox="0 0 10 10" refX="9" refY="5" markerUnits="userSpaceOnUse" markerWidth="10" '
        f'markerHeight="10" orient="auto">'
        f'<path d="M0,0 L10,5 L0,10 z" fill="{color}"/></marker>'
        for name, color in (("arrow", EDGE_COLOR), ("arrow-bad", VIOLATION_COLOR))
    )
    + "</defs>"
)


def element_ids(view: ServiceView) -> tuple[dict[str, str], dict[str, str]]:
    """Short SVG ids: node id -> "n<i>", edge id -> "e<i>", in the view's sorted order."""
    nodes = {node_id: f"n{number}" for number, node_id in enumerate(view.nodes)}
    edges = {edge.id: f"e{number}" for number, edge in enumerate(view.edges.values())}
    return nodes, edges


def render_svg(view: ServiceView) -> str:
    geometry = layout(view)
    node_ids, edge_ids = element_ids(view)
    violating = {end for edge in view.edges.values() if edge.violating for end in (edge.source, edge.target)}
    width, height = f"{geometry.width:.0f}", f"{geometry.height:.0f}"
    parts = [
        f'<svg id="graph" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" aria-label="{html(view.title)}">',
        _DEFS,
        *_columns(geometry),
        *(_edge(route, edge_ids[route.edge.id], view, node_ids) for route in geometry.routes),
        *(_node(node, geometry.boxes[node.id], node_ids[node.id], node.id in violating) for node in view.nodes.values()),
        # Counts last, so no box hides them.
        *(_count(route, edge_ids[route.edge.id]) for route in geometry.routes),
        "</svg>",
    ]
    return "\n".join(parts)


def _columns(geometry: Layout) -> list[str]:
    parts = []
    for column in geometry.columns:
        fill, stroke = COLUMN_COLORS[column.key]
        x, width, height = column.x - 10, column.width + 20, geometry.height - TOP + 28 - MARGIN / 2
        parts.append(
            f'<g class="column"><rect x="{x:.1f}" y="{TOP - 36}" width="{width:.1f}" height="{height:.1f}" rx="12" '
            f'fill="{fill}" fill-opacity="0.45" stroke="{stroke}" stroke-opacity="0.35"/>'
            f'<text x="{column.x + column.width / 2:.1f}" y="{TOP - 16}" class="column-title" fill="{stroke}">'
            f"{html(COLUMN_TITLES[column.key])}</text></g>"
        )
    return parts


def _edge(route: Route, element_id: str, view: ServiceView, node_ids: dict[str, str]) -> str:
    edge = route.edge
    css = "edge violating" if edge.violating else "edge"
    marker = "arrow-bad" if edge.violating else "arrow"
    ends = f"{node_ids[edge.source]} {node_ids[edge.target]}"
    return (
        f'<g class="{css}" data-e="{element_id}" data-ends="{ends}"><title>{_title(_tooltip(edge, view))}</title>'
        f'<path d="{route.d}" marker-end="url(#{marker})"/></g>'
    )


def _title(lines: list[str]) -> str:
    """A tooltip: its lines escaped one by one, so only our own line breaks break it."""
    return "\n".join(html(line) for line in lines)


def _tooltip(edge: ViewEdge, view: ServiceView) -> list[str]:
    head = f"{view.nodes[edge.source].label} → {view.nodes[edge.target].label}: {edge.count}"
    if edge.violating:
        head += f" ({', '.join(sorted(edge.rules))})"
    lines = [head, *(f"{hop.path}:{hop.line}  {hop.note}" for hop in edge.evidence[:MAX_TOOLTIP_HOPS])]
    if len(edge.evidence) > MAX_TOOLTIP_HOPS:
        lines.append(f"… {len(edge.evidence) - MAX_TOOLTIP_HOPS} more")
    return lines


def _count(route: Route, element_id: str) -> str:
    x, y = route.label_at
    text = str(route.edge.count)
    width = 8 + 7 * len(text)
    css = "count violating" if route.edge.violating else "count"
    return (
        f'<g class="{css}" data-e="{element_id}"><rect x="{x - width / 2:.1f}" y="{y - 8:.1f}" width="{width}" '
        f'height="16" rx="8"/><text x="{x:.1f}" y="{y + 4:.1f}">{text}</text></g>'
    )


def _node(node: ViewNode, box: Box, element_id: str, violating: bool) -> str:
    """A box; ``v`` marks the end of a violating edge, ``data-s`` is the text the page's search looks in."""
    fill, stroke = COLUMN_COLORS[node.column]
    room = box.width - 2 * PADDING
    centre, middle = box.x + box.width / 2, box.y + box.height / 2
    css = f"node {node.kind} v" if violating else f"node {node.kind}"
    members = [member.label for member in node.members]
    search = " ".join([node.label, node.caption, *members]).lower()
    tooltip = [node.label, node.caption, *members[:MAX_TOOLTIP_MEMBERS]]
    if len(members) > MAX_TOOLTIP_MEMBERS:
        tooltip.append(f"… {len(members) - MAX_TOOLTIP_MEMBERS} more")
    return (
        f'<g class="{css}" data-n="{element_id}" data-s="{html(search)}" tabindex="0" role="button">'
        f"<title>{_title(tooltip)}</title>"
        f'<rect x="{box.x:.1f}" y="{box.y:.1f}" width="{box.width:.1f}" height="{box.height:.1f}" rx="9" '
        f'fill="{fill}" stroke="{stroke}"/>'
        f'<text x="{centre:.1f}" y="{middle - 3:.1f}" class="label">{html(fit(node.label, room))}</text>'
        f'<text x="{centre:.1f}" y="{middle + 12:.1f}" class="caption">{html(fit(node.caption, room))}</text></g>'
    )

