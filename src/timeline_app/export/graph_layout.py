"""Where nodes, arrows and labels go on a graph report image, computed without Qt.

Nodes keep the positions the reader saw in the app when they are given (`positions`), else
`graph.stable_layout` places them; either way they are fitted into the page, sized by their
event count, and labels that would cover another label are moved or, in crowded graphs,
left out (the footer says how many).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from timeline_app.domain import Corpus
from timeline_app.export.report_style import KIND_LABELS, ReportStyle, kind_hex, polarity_hex
from timeline_app.export.timeline_layout import (
    BODY,
    BOLD,
    GAP,
    PAD,
    SMALL,
    TITLE,
    LegendEntry,
    Measure,
    _footer,
    resolve_window,
    source_line,
)

Point = tuple[float, float]


@dataclass(frozen=True)
class GraphRequest:
    width: float = 1600
    height: float = 900
    window: tuple[date | None, date | None] | None = None
    fold_people: bool = False
    positions: dict[str, Point] | None = None
    selection: frozenset[str] = frozenset()
    title: str | None = None
    legend: bool = True
    source_line: str | None = None
    max_labels: int = 80


@dataclass
class NodeMark:
    id: str
    name: str
    kind: str
    x: float
    y: float
    r: float
    colour: str
    count: int
    selected: bool = False


@dataclass
class EdgeMark:
    source: str
    target: str
    start: Point
    control: Point
    end: Point
    direction: Point  # unit vector of the arrow at its tip
    colour: str
    width: float
    type: str
    evidence: int


@dataclass
class Label:
    text: str
    x: float
    y: float
    w: float
    h: float
    role: str = BODY
    colour: str = ""


@dataclass
class GraphScene:
    width: float
    height: float
    style: ReportStyle
    plot: tuple[float, float, float, float]
    title: str | None = None
    title_y: float = 0.0
    nodes: list[NodeMark] = field(default_factory=list)
    edges: list[EdgeMark] = field(default_factory=list)
    node_labels: list[Label] = field(default_factory=list)
    edge_labels: list[Label] = field(default_factory=list)
    legend: list[LegendEntry] = field(default_factory=list)
    footer: list[tuple[float, str]] = field(default_factory=list)
    empty_message: str | None = None


NODE_SHAPES = {"state": "state", "person": "person", "organisation": "organisation",
               "government": "government", "group": "group", "other": "other"}


def _overlaps(a: Label, others: list[Label]) -> bool:
    return any(a.x < b.x + b.w + 4 and b.x < a.x + a.w + 4 and a.y < b.y + b.h
               and b.y < a.y + a.h for b in others)


def _legend(kinds: list[str], style: ReportStyle, measure: Measure, left: float,
            right: float) -> tuple[list[LegendEntry], float]:
    entries = [LegendEntry("heading", "Actors:")]
    entries += [LegendEntry("node", KIND_LABELS.get(k, k), kind_hex(k), k) for k in kinds]
    entries.append(LegendEntry("heading", "Relations:"))
    entries += [LegendEntry("line", "cooperation", polarity_hex(style, 1.0)),
                LegendEntry("line", "neutral", polarity_hex(style, 0.0)),
                LegendEntry("line", "conflict", polarity_hex(style, -1.0))]
    entries.append(LegendEntry("text", "size: events · arrow: who acts on whom · "
                                       "label: main relation type"))
    line_h = measure.line_height(SMALL) + 4
    x, y = left, 0.0
    for e in entries:
        icon = {"node": 16, "line": 26}.get(e.kind, 0)
        role = BOLD if e.kind == "heading" else SMALL
        width = icon + measure.width(e.label, role) + (8 if e.kind == "heading" else 14)
        if x + width > right and x > left:
            x, y = left, y + line_h
        e.x, e.y = x, y
        x += width
    return entries, y + line_h + GAP


def layout_graph(corpus: Corpus, request: GraphRequest, style: ReportStyle,
                 measure: Measure) -> GraphScene:
    from timeline_app.graph import actor_graph, stable_layout

    w, h = float(request.width), float(request.height)
    scene = GraphScene(w, h, style, (PAD, PAD, w - PAD, h - PAD), title=request.title)
    top = PAD
    if request.title:
        scene.title_y = top + measure.line_height(TITLE) * 0.8
        top += measure.line_height(TITLE) + GAP
    window = None
    if request.window and (request.window[0] or request.window[1]):
        window = resolve_window(list(corpus.events), request.window)
    graph = actor_graph(corpus, window, fold_people=request.fold_people)
    small_h = measure.line_height(SMALL)
    credit = source_line(corpus) if request.source_line is None else request.source_line
    lines = [credit] if credit else []
    if window:
        lines.append(f"Events from {window[0].isoformat()} to {window[1].isoformat()}")
    kinds = list(dict.fromkeys(sorted(d["kind"] for _, d in graph.nodes(data=True))))
    legend, legend_h = ([], 0.0)
    if request.legend:
        legend, legend_h = _legend(kinds, style, measure, PAD, w - PAD)
    bottom = h - PAD - small_h * (len(lines) + 1) - legend_h - GAP
    if bottom - top < max(80.0, 0.45 * (h - top)) and legend:  # small image: nodes first
        legend, legend_h = [], 0.0
        bottom = h - PAD - small_h * (len(lines) + 1) - GAP
    scene.plot = (PAD, top, w - PAD, bottom)
    for e in legend:
        e.y += bottom + GAP
    if graph.number_of_nodes() == 0:
        scene.empty_message = "No actors" + (" in this time window" if window else "")
        scene.footer = _footer(lines, [], 0, 0, h - PAD, small_h)
        return scene
    positions = _positions(graph, request.positions, stable_layout)
    counts = {n: d.get("count", 0) for n, d in graph.nodes(data=True)}
    top_count = max(1, *counts.values())
    radius = {n: 7.0 + 15.0 * math.sqrt(c / top_count) for n, c in counts.items()}
    label_w = {n: measure.width(graph.nodes[n]["name"], BODY) for n in graph.nodes}
    body_h = measure.line_height(BODY)
    # Fit positions into the plot, leaving room for the widest label and the biggest node.
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    margin_x = min(max(label_w.values()) / 2 + 6, (w - 2 * PAD) / 4)
    margin_y = 22.0 + body_h + 4
    left, right = PAD + margin_x, w - PAD - margin_x
    upper, lower = top + margin_y, bottom - margin_y
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0

    def place(p: Point) -> Point:
        if len(positions) == 1:
            return (left + right) / 2, (upper + lower) / 2
        return (left + (p[0] - min(xs)) / span_x * (right - left),
                lower - (p[1] - min(ys)) / span_y * (lower - upper))

    xy = {n: place(p) for n, p in positions.items()}
    for n, d in graph.nodes(data=True):
        scene.nodes.append(NodeMark(n, d["name"], d["kind"], *xy[n], radius[n],
                                    kind_hex(d["kind"]), counts[n], n in request.selection))
    scene.nodes.sort(key=lambda m: m.count)
    evidence = [d["data"].evidence for _, _, d in graph.edges(data=True)]
    top_evidence = max(1, *evidence) if evidence else 1
    for u, v, d in graph.edges(data=True):
        data = d["data"]
        scene.edges.append(_edge(u, v, xy, radius, graph.has_edge(v, u), data,
                                 polarity_hex(style, data.polarity),
                                 1.2 + 3.3 * math.sqrt(data.evidence / top_evidence)))
    placed: list[Label] = []
    ranked = sorted(scene.nodes, key=lambda m: -m.count)
    skipped = 0
    for i, node in enumerate(ranked):
        lw = label_w[node.id]
        spots = [(node.x - lw / 2, node.y + node.r * 1.2 + 2),
                 (node.x - lw / 2, node.y - node.r * 1.2 - 2 - body_h),
                 (node.x + node.r + 4, node.y - body_h / 2),
                 (node.x - node.r - 4 - lw, node.y - body_h / 2)]
        for sx, sy in spots:
            label = Label(node.name, min(max(sx, PAD), w - PAD - lw), sy, lw, body_h)
            if not _overlaps(label, placed):
                break
        else:
            if i >= request.max_labels or len(ranked) > request.max_labels:
                skipped += 1
                continue
            sx, sy = spots[0]
            label = Label(node.name, min(max(sx, PAD), w - PAD - lw), sy, lw, body_h)
        placed.append(label)
    scene.node_labels = placed
    small = measure.line_height(SMALL)
    for edge in sorted(scene.edges, key=lambda e: -e.evidence):
        text = edge.type.replace("_", " ")
        tw = measure.width(text, SMALL)
        mx = 0.25 * edge.start[0] + 0.5 * edge.control[0] + 0.25 * edge.end[0]
        my = 0.25 * edge.start[1] + 0.5 * edge.control[1] + 0.25 * edge.end[1]
        label = Label(text, mx - tw / 2, my - small / 2, tw, small, SMALL, edge.colour)
        if not _overlaps(label, placed + scene.edge_labels):
            scene.edge_labels.append(label)
    notes = lines
    if skipped:
        notes = [*lines, f"{skipped} actor name{'s' if skipped != 1 else ''} left out "
                         "for lack of room"]
    scene.footer = _footer(notes, [], 0, 0, h - PAD, small_h)
    scene.legend = legend
    return scene


def _positions(graph, given: dict[str, Point] | None, stable_layout) -> dict[str, Point]:
    """The app's positions when given; else connected actors by the app's layout and actors
    with no relation in a row underneath, so a few loners do not squeeze the rest together.
    """
    if given:
        return stable_layout(graph, given)
    loners = sorted((n for n in graph.nodes if graph.degree(n) == 0),
                    key=lambda n: (-graph.nodes[n].get("count", 0), n))
    linked = graph.subgraph([n for n in graph.nodes if graph.degree(n) > 0])
    positions = stable_layout(linked) if linked.number_of_nodes() else {}
    if not loners:
        return positions
    if not positions:
        side = max(1, math.ceil(math.sqrt(len(loners))))
        return {n: (float(i % side), -float(i // side)) for i, n in enumerate(loners)}
    xs = [p[0] for p in positions.values()]
    ys = [p[1] for p in positions.values()]
    lo_x, hi_x = min(xs), max(xs)
    if hi_x - lo_x < 1e-9:
        lo_x, hi_x = lo_x - 1, hi_x + 1
    height = (max(ys) - min(ys)) or 1.0
    per_row = max(4, min(len(loners), 8))
    out = dict(positions)
    for i, n in enumerate(loners):
        row, col = divmod(i, per_row)
        x = lo_x + (col + 0.5) / per_row * (hi_x - lo_x)
        out[n] = (x, min(ys) - height * (0.22 + 0.15 * row))
    return out


def _edge(u: str, v: str, xy: dict[str, Point], radius: dict[str, float], reciprocal: bool,
          data, colour: str, width: float) -> EdgeMark:
    (x0, y0), (x2, y2) = xy[u], xy[v]
    dx, dy = x2 - x0, y2 - y0
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bend = 0.18 * length if reciprocal else 0.0
    cx, cy = (x0 + x2) / 2 - uy * bend, (y0 + y2) / 2 + ux * bend

    def unit(ax: float, ay: float) -> Point:
        n = math.hypot(ax, ay) or 1.0
        return ax / n, ay / n

    sx, sy = unit(cx - x0, cy - y0)
    ex, ey = unit(x2 - cx, y2 - cy)
    start = (x0 + sx * radius[u], y0 + sy * radius[u])
    end = (x2 - ex * (radius[v] + 2), y2 - ey * (radius[v] + 2))
    return EdgeMark(u, v, start, (cx, cy), end, (ex, ey), colour, width, data.dominant_type,
                    data.evidence)
