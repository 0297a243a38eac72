"""Geometry of the HTML picture, computed here so the page needs no Graphviz and no JS library.

A small layered drawing (Sugiyama-style): one column per plane, in
views.COLUMN_TITLES order. An edge that skips columns gets a thin *lane* in
each column it crosses, so it runs between boxes instead of behind them.
Within a column, the ends and lanes of violating edges come first, packed
from the top, so that a reviewer sees them without scrolling; then the rest.
Each sits near the mean height of its neighbours (a barycentre layout: short
edges, few crossings), pushed apart only as far as needed. Edges are chains
of horizontal-tangent cubic curves.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from statistics import fmean

from molecule_lint.views import ServiceView, ViewEdge

PADDING = 12  # inside a box, left and right of its text
NODE_HEIGHT = 42
LANE_HEIGHT = 2
GAP = 12  # between a box and what is stacked next to it
LANE_GAP = 3  # between two lanes: edges crossing a column together run as a bundle
PORT_SPACING = 6  # between the ends of two edges on one side of a box
COLUMN_GAP = 88
MIN_WIDTH, MAX_WIDTH = 150, 260
MARGIN = 20
TOP = 64  # room for the column titles
SWEEPS = 8
LABEL_WIDTH, LABEL_HEIGHT = 24, 17  # room a count takes (svg.py draws it)
LABEL_SPOTS = (0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9)  # where along its curve a count may go, best first

Point = tuple[float, float]
Cubic = tuple[Point, Point, Point, Point]  # start, two control points, end


def text_width(text: str) -> float:
    """An upper estimate of a 12px semi-bold sans-serif label's width: capitals and `_` run wide."""
    return sum(9.0 if c.isupper() or c in "_mwMW@%" else 7.3 for c in text)


def fit(text: str, width: float) -> str:
    """``text``, cut with an ellipsis so that it fits ``width`` pixels."""
    if text_width(text) <= width:
        return text
    while text and text_width(text + "…") > width:
        text = text[:-1]
    return text + "…"


@dataclass(frozen=True, slots=True)
class Box:
    x: float
    y: float
    width: float
    height: float = NODE_HEIGHT


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    x: float
    width: float


@dataclass(frozen=True, slots=True)
class Route:
    edge: ViewEdge
    d: str  # SVG path data
    label_at: Point  # where its count goes


@dataclass(frozen=True, slots=True)
class Layout:
    width: float
    height: float
    columns: tuple[Column, ...]
    boxes: dict[str, Box]
    routes: tuple[Route, ...]


def layout(view: ServiceView) -> Layout:
    columns = _columns(view)
    column_of = {node.id: number for number, (_, nodes) in enumerate(view.columns()) for node in nodes}
    chains = {edge.id: _chain(edge, column_of) for edge in view.edges.values()}
    stacks: list[list[str]] = [[node.id for node in nodes] for _, nodes in view.columns()]
    for chain in chains.values():
        for lane in chain[1:-1]:
            stacks[_lane_column(lane)].append(lane)
    ends = _edge_ends(view, chains, column_of)
    heights = _heights(stacks, ends)
    violating = [chains[edge.id] for edge in view.edges.values() if edge.violating]
    centres = _place(stacks, chains.values(), heights, {item for chain in violating for item in chain})
    boxes = {
        node: Box(column.x, centres[node] - heights[node] / 2, column.width, heights[node])
        for column, stack in zip(columns, stacks)
        for node in stack
        if not _is_lane(node)
    }
    routes = _routes(view, chains, columns, boxes, centres, ends, column_of)
    width = columns[-1].x + columns[-1].width + MARGIN if columns else 2 * MARGIN
    height = max((centres[item] + heights[item] / 2 for stack in stacks for item in stack), default=TOP) + MARGIN
    return Layout(width, height, tuple(columns), boxes, routes)


def _columns(view: ServiceView) -> list[Column]:
    columns, x = [], float(MARGIN)
    for key, nodes in view.columns():
        widest = max(max(text_width(n.label), text_width(n.caption)) for n in nodes)
        width = min(MAX_WIDTH, max(MIN_WIDTH, widest + 2 * PADDING))
        columns.append(Column(key, x, width))
        x += width + COLUMN_GAP
    return columns


# -- lanes: "lane:<column>:<edge id>" (node ids start with service: or store:) --


def _chain(edge: ViewEdge, column_of: dict[str, int]) -> list[str]:
    """The items an edge passes, source to target: its lanes through the columns in between."""
    start, end = column_of[edge.source], column_of[edge.target]
    step = 1 if end > start else -1
    return [edge.source, *(f"lane:{c}:{edge.id}" for c in range(start + step, end, step)), edge.target]


def _is_lane(item: str) -> bool:
    return item.startswith("lane:")


def _lane_column(lane: str) -> int:
    return int(lane.split(":", 2)[1])


_Ends = dict[tuple[str, int], list[tuple[str, str, str]]]  # (node, side) -> (edge id, "out" | "in", item it heads to)


def _edge_ends(view: ServiceView, chains: dict[str, list[str]], column_of: dict[str, int]) -> _Ends:
    """Which side of its boxes each edge touches (+1 right, -1 left): rightward edges leave on the
    right and enter on the left, leftward ones the reverse; within a column, both on the right."""
    ends: _Ends = defaultdict(list)
    for edge in view.edges.values():
        chain, step = chains[edge.id], _direction(edge, column_of)
        out_side, in_side = (step, -step) if step else (1, 1)
        ends[edge.source, out_side].append((edge.id, "out", chain[1]))
        ends[edge.target, in_side].append((edge.id, "in", chain[-2]))
    return ends


def _heights(stacks: list[list[str]], ends: _Ends) -> dict[str, float]:
    """Lanes are thin; a box grows with the edges on its busier side, so that their ends stay apart."""
    busiest: dict[str, int] = defaultdict(int)
    for (node, _), items in ends.items():
        busiest[node] = max(busiest[node], len(items))
    return {
        item: LANE_HEIGHT if _is_lane(item) else max(NODE_HEIGHT, PORT_SPACING * (busiest[item] + 1))
        for stack in stacks
        for item in stack
    }


# -- vertical placement ---------------------------------------------------------


def _place(
    stacks: list[list[str]], chains: Iterable[list[str]], heights: dict[str, float], first: set[str]
) -> dict[str, float]:
    """Each item's vertical centre; the ``first`` items of a stack above the others, from its top."""
    neighbours: dict[str, list[str]] = defaultdict(list)
    for chain in chains:
        for a, b in pairwise(chain):
            neighbours[a].append(b)
            neighbours[b].append(a)
    centres: dict[str, float] = {}
    for stack in stacks:
        centres.update(_pack(sorted(stack), {}, heights))
    for _ in range(SWEEPS):
        for stack in stacks:
            wanted = {i: fmean(centres[n] for n in neighbours[i]) if neighbours[i] else centres[i] for i in stack}
            order = sorted(stack, key=lambda i: (i not in first, wanted[i], i))
            centres.update(_pack(order, wanted | {i: 0.0 for i in stack if i in first}, heights))
    lift = min((centres[i] - heights[i] / 2 for stack in stacks for i in stack), default=TOP) - TOP
    return {item: centre - lift for item, centre in centres.items()}


def _pack(items: list[str], wanted: dict[str, float], heights: dict[str, float]) -> dict[str, float]:
    """In the given order, each at its wanted height or just below the one above; then the
    stack moves up by its mean push (not past the top) so it does not drift down sweep by sweep."""
    placed: dict[str, float] = {}
    bottom, above = float(TOP), ""
    for item in items:
        gap = (LANE_GAP if _is_lane(above) and _is_lane(item) else GAP) if above else 0
        centre = max(wanted.get(item, 0.0), bottom + gap + heights[item] / 2)
        placed[item] = centre
        bottom, above = centre + heights[item] / 2, item
    if not items:
        return placed
    push = fmean(placed[i] - wanted.get(i, placed[i]) for i in items)
    first = items[0]
    push = min(push, placed[first] - heights[first] / 2 - TOP)
    return {item: centre - push for item, centre in placed.items()}


# -- edges ----------------------------------------------------------------------


def _routes(
    view: ServiceView,
    chains: dict[str, list[str]],
    columns: list[Column],
    boxes: dict[str, Box],
    centres: dict[str, float],
    ends: _Ends,
    column_of: dict[str, int],
) -> tuple[Route, ...]:
    ports = _ports(ends, boxes, centres)
    drawn: list[tuple[ViewEdge, str, Cubic]] = []
    for edge in view.edges.values():
        start, end = ports[edge.id, "out"], ports[edge.id, "in"]
        step = _direction(edge, column_of)
        if step == 0:  # both in one column: loop out to the right and back
            reach = 56 + abs(end[1] - start[1]) * 0.2
            loop = (start, (start[0] + reach, start[1]), (end[0] + reach, end[1]), end)
            drawn.append((edge, f"M{_pt(start)} C{_pt(loop[1])} {_pt(loop[2])} {_pt(end)}", loop))
            continue
        # Through each lane: enter on one side of its column, run straight across, leave on the other.
        waypoints = [start]
        for lane in chains[edge.id][1:-1]:
            column = columns[_lane_column(lane)]
            near, far = (column.x, column.x + column.width)[::step]
            waypoints += [(near, centres[lane]), (far, centres[lane])]
        waypoints.append(end)
        drawn.append((edge, *_through(waypoints, step)))
    labels = _label_spots([curve for _, _, curve in drawn])
    return tuple(Route(edge, d, at) for (edge, d, _), at in zip(drawn, labels))


def _through(waypoints: list[Point], step: int) -> tuple[str, Cubic]:
    """Path data: curves between columns (waypoints 0→1, 2→3, …), straight lines along lanes (1→2, …);
    and the last curve, where the edge has left its bundle for its target: its count goes there."""
    parts = [f"M{_pt(waypoints[0])}"]
    for number in range(0, len(waypoints) - 1, 2):
        a, b = waypoints[number], waypoints[number + 1]
        reach = abs(b[0] - a[0]) / 2
        curve = (a, (a[0] + step * reach, a[1]), (b[0] - step * reach, b[1]), b)
        if number:
            parts.append(f"L{_pt(a)}")
        parts.append(f"C{_pt(curve[1])} {_pt(curve[2])} {_pt(b)}")
    return " ".join(parts), curve


def _label_spots(curves: list[Cubic]) -> list[Point]:
    """On each curve, the first of a few spots where its count covers no count placed before."""
    placed: list[Point] = []
    for curve in curves:
        spots = [_bezier(curve, t) for t in LABEL_SPOTS]
        free = (p for p in spots if all(abs(p[0] - q[0]) >= LABEL_WIDTH or abs(p[1] - q[1]) >= LABEL_HEIGHT for q in placed))
        placed.append(next(free, spots[0]))
    return placed


def _ports(ends: _Ends, boxes: dict[str, Box], centres: dict[str, float]) -> dict[tuple[str, str], Point]:
    """Where each edge leaves its source and enters its target: spread along the box side in the
    order of the heights they head to, so that edges meeting one box do not cross there."""
    ports = {}
    for (node, side), items in ends.items():
        box = boxes[node]
        x = box.x + box.width if side > 0 else box.x
        ordered = sorted(items, key=lambda item: (centres[item[2]], item[0], item[1]))
        for rank, (edge_id, end, _) in enumerate(ordered):
            ports[edge_id, end] = (x, box.y + box.height * (rank + 1) / (len(items) + 1))
    return ports


def _direction(edge: ViewEdge, column_of: dict[str, int]) -> int:
    difference = column_of[edge.target] - column_of[edge.source]
    return (difference > 0) - (difference < 0)


def _bezier(curve: Cubic, t: float) -> Point:
    a, c1, c2, b = curve
    weights = ((1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3)
    return (
        sum(w * p[0] for w, p in zip(weights, (a, c1, c2, b))),
        sum(w * p[1] for w, p in zip(weights, (a, c1, c2, b))),
    )


def _pt(point: Point) -> str:
    return f"{point[0]:.1f},{point[1]:.1f}"
