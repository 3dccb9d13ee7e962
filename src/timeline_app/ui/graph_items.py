"""Painting a graph of thousands of edges: one item, a handful of QPainterPaths per frame.

Edges are bucketed by colour (polarity) and width (evidence) and each bucket is stroked as one
path; arrow heads are one filled path per bucket. Labels are placed in screen space, biggest
first, and skipped where they would overlap.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen, QPixmap

from timeline_app.ui.theme import LIGHT, Theme, polarity_colour

POLARITY_BUCKETS = np.array([-0.6, -0.25, -0.05, 0.05, 0.25, 0.6])
WIDTH_BUCKETS = np.array([1.5, 3.0, 6.0])
MAX_NODE_LABELS = 150
MAX_EDGE_LABELS = 60
SIMPLE_EDGES = 800  # above this many edges on screen: hairlines, no arrows or edge labels
SMOOTH_EDGES = 250  # antialiased (smooth but slow) only up to this many edges on screen


class GraphData:
    """Arrays the items read; built by the view from a networkx graph."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.names: list[str] = []
        self.kinds: list[str] = []
        self.pos = np.zeros((0, 2))
        self.size = np.zeros(0)  # node diameter in px
        self.src = np.zeros(0, np.int64)
        self.tgt = np.zeros(0, np.int64)
        self.polarity = np.zeros(0)
        self.evidence = np.zeros(0)
        self.labels: list[str] = []
        self.bidirectional = np.zeros(0, bool)


class EdgesItem(pg.GraphicsObject):
    def __init__(self) -> None:
        super().__init__()
        self.data = GraphData()
        self.theme: Theme = LIGHT
        self.selected_edges: set[int] = set()
        self.selected_nodes: set[int] = set()
        self.faded = False
        self._bounds = QRectF(-1, -1, 2, 2)

    def set_data(self, data: GraphData) -> None:
        self.prepareGeometryChange()
        self.data = data
        if len(data.pos):
            lo, hi = data.pos.min(axis=0), data.pos.max(axis=0)
            self._bounds = QRectF(lo[0], lo[1], max(hi[0] - lo[0], 1e-6),
                                  max(hi[1] - lo[1], 1e-6))
        self.update()

    def positions_changed(self) -> None:
        self.set_data(self.data)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        d = self.data
        vb = self.getViewBox()
        if vb is None or not len(d.src):
            return
        px_w, px_h = vb.viewPixelSize()
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        a, b = d.pos[d.src], d.pos[d.tgt]
        visible = ((np.minimum(a[:, 0], b[:, 0]) <= vx1) & (np.maximum(a[:, 0], b[:, 0]) >= vx0)
                   & (np.minimum(a[:, 1], b[:, 1]) <= vy1) & (np.maximum(a[:, 1], b[:, 1]) >= vy0))
        simple = int(visible.sum()) > SIMPLE_EDGES
        # Work in pixel units so arrows and offsets look the same at every zoom.
        scale = np.array([px_w, px_h])
        pa, pb = a / scale, b / scale
        vec = pb - pa
        length = np.hypot(vec[:, 0], vec[:, 1])
        ok = length > 1e-6
        unit = np.zeros_like(vec)
        unit[ok] = vec[ok] / length[ok, None]
        normal = np.stack([-unit[:, 1], unit[:, 0]], axis=1)
        offset = np.where(d.bidirectional, 3.5, 0.0)[:, None] * normal
        r_src = d.size[d.src][:, None] / 2
        r_tgt = d.size[d.tgt][:, None] / 2 + 2
        start = pa + unit * r_src + offset
        end = pb - unit * r_tgt + offset
        width_px = WIDTH_BUCKETS[np.clip(np.searchsorted([2, 5], d.evidence, side="right"), 0, 2)]
        if simple:  # many edges on screen: hairlines without arrows rasterise ~20x faster
            width_px = np.full(len(width_px), WIDTH_BUCKETS[0])
        pol_bucket = np.searchsorted(POLARITY_BUCKETS, d.polarity)
        width_bucket = np.searchsorted(WIDTH_BUCKETS, width_px)
        arrow = 5 + width_px * 1.5
        tip = end
        base = end - unit * arrow[:, None]
        left = base + normal * (arrow[:, None] * 0.45)
        right = base - normal * (arrow[:, None] * 0.45)
        line_end = base
        n_visible = int(visible.sum())
        painter.setRenderHint(QPainter.Antialiasing, n_visible <= SMOOTH_EDGES)
        levels = [-0.8, -0.4, -0.15, 0.0, 0.15, 0.4, 0.8]
        # Opaque hairlines take the rasteriser's solid fast path (blending doubles the cost).
        alpha = 90 if self.faded else (255 if simple else 210)
        for pb_i in np.unique(pol_bucket):
            colour = polarity_colour(self.theme, levels[pb_i], alpha)
            for wb_i in np.unique(width_bucket[pol_bucket == pb_i]):
                m = (pol_bucket == pb_i) & (width_bucket == wb_i) & ok & visible
                if not m.any():
                    continue
                xs = np.empty(2 * m.sum())
                ys = np.empty_like(xs)
                xs[0::2], xs[1::2] = start[m, 0] * px_w, line_end[m, 0] * px_w
                ys[0::2], ys[1::2] = start[m, 1] * px_h, line_end[m, 1] * px_h
                pen = QPen(colour, 0.0 if simple else float(WIDTH_BUCKETS[wb_i]))
                pen.setCosmetic(True)
                pen.setCapStyle(Qt.FlatCap)
                painter.setPen(pen)
                painter.setBrush(Qt.NoBrush)
                painter.drawLines(_polygon(xs, ys))  # no per-edge Python, no path building
                if simple:
                    continue
                tri = np.stack([tip[m], left[m], right[m], tip[m]], axis=1).reshape(-1, 2)
                connect = np.ones(len(tri), bool)
                connect[3::4] = False
                painter.setPen(Qt.NoPen)
                painter.setBrush(colour)
                painter.drawPath(pg.arrayToQPath(tri[:, 0] * px_w, tri[:, 1] * px_h,
                                                 connect=connect))
        if self.selected_edges:
            pen = QPen(self.theme.colour("selection"), 4.5)
            pen.setCosmetic(True)
            painter.setPen(pen)
            for i in self.selected_edges:
                if 0 <= i < len(d.src):
                    painter.drawLine(QPointF(*(start[i] * scale)), QPointF(*(line_end[i] * scale)))
        self._paint_edge_labels(painter, start * scale, end * scale, px_w, px_h)

    def _paint_edge_labels(self, painter, start, end, px_w, px_h) -> None:
        d = self.data
        if len(d.src) > SIMPLE_EDGES:
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        font = QFont(painter.font())
        font.setPointSizeF(7.5)
        font.setItalic(True)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        view = painter.viewport()
        grid = _node_grid(d, transform, view)
        order = np.argsort(-d.evidence, kind="stable")[:4 * MAX_EDGE_LABELS]
        painter.setPen(QPen(self.theme.colour("muted")))
        drawn = 0
        for i in order:
            if drawn >= MAX_EDGE_LABELS:
                break
            text = d.labels[i].replace("_", " ")
            mid = transform.map(QPointF(*((start[i] + end[i]) / 2)))
            seg = transform.map(QPointF(*end[i])) - transform.map(QPointF(*start[i]))
            if (seg.x() ** 2 + seg.y() ** 2) < (fm.horizontalAdvance(text) + 30) ** 2:
                continue
            w = fm.horizontalAdvance(text) + 4
            rect = QRectF(mid.x() - w / 2, mid.y() - fm.height() / 2, w, fm.height())
            if not QRectF(view).contains(rect) or _occupied(grid, rect, mark=False):
                continue
            _occupied(grid, rect, mark=True)
            painter.drawText(rect, Qt.AlignCenter, text)
            drawn += 1
        painter.restore()


CELL = 4.0


def _polygon(xs: np.ndarray, ys: np.ndarray):
    """A QPolygonF filled straight from numpy (pyqtgraph's helper writes its memory)."""
    from pyqtgraph import functions as fn

    poly = fn.create_qpolygonf(len(xs))
    points = fn.ndarray_from_qpolygonf(poly)
    points[:, 0], points[:, 1] = xs, ys
    return poly


def _node_grid(d: GraphData, m, view) -> np.ndarray:
    """Screen occupancy in 4 px cells, nodes marked: labels go only where nothing is."""
    sx = d.pos[:, 0] * m.m11() + d.pos[:, 1] * m.m21() + m.dx()
    sy = d.pos[:, 0] * m.m12() + d.pos[:, 1] * m.m22() + m.dy()
    grid = np.zeros((int(view.height() / CELL) + 2, int(view.width() / CELL) + 2), bool)
    inside = np.flatnonzero((sx >= 0) & (sy >= 0) & (sx < view.width()) & (sy < view.height()))
    for i in inside[:3000]:
        r = d.size[i] / 2 * 0.8
        grid[int(max(0, sy[i] - r) / CELL):int((sy[i] + r) / CELL) + 1,
             int(max(0, sx[i] - r) / CELL):int((sx[i] + r) / CELL) + 1] = True
    return grid


def _occupied(grid: np.ndarray, rect: QRectF, *, mark: bool) -> bool:
    rows = slice(int(max(0, rect.top()) / CELL), int(max(0, rect.bottom()) / CELL) + 1)
    cols = slice(int(max(0, rect.left()) / CELL), int(max(0, rect.right()) / CELL) + 1)
    if mark:
        grid[rows, cols] = True
        return True
    return bool(grid[rows, cols].any())


class NodeLabelsItem(pg.GraphicsObject):
    """Actor names under their nodes, biggest actors first, never overlapping."""

    def __init__(self) -> None:
        super().__init__()
        self.data = GraphData()
        self.theme: Theme = LIGHT
        self.selected: set[int] = set()
        self._bounds = QRectF(-1, -1, 2, 2)
        self.setZValue(5)

    def set_data(self, data: GraphData) -> None:
        self.prepareGeometryChange()
        self.data = data
        if len(data.pos):
            lo, hi = data.pos.min(axis=0), data.pos.max(axis=0)
            self._bounds = QRectF(lo[0], lo[1], max(hi[0] - lo[0], 1e-6),
                                  max(hi[1] - lo[1], 1e-6))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def paint(self, painter: QPainter, option, widget=None) -> None:
        d = self.data
        if not len(d.ids):
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        painter.setFont(font)
        fm = QFontMetricsF(font)
        view = QRectF(painter.viewport())
        # Screen positions in one go; an occupancy grid of 4 px cells keeps placement O(n).
        m = transform
        sx = d.pos[:, 0] * m.m11() + d.pos[:, 1] * m.m21() + m.dx()
        sy = d.pos[:, 0] * m.m12() + d.pos[:, 1] * m.m22() + m.dy()
        cell = 4.0
        inside = (sx >= 0) & (sy >= 0) & (sx < view.width()) & (sy < view.height())
        grid = _cover(sx[inside], sy[inside], d.size[inside] / 2 * 0.8, view, cell)
        candidates = np.flatnonzero(inside)
        by_size = np.argsort(-d.size[candidates], kind="stable")
        candidates = candidates[by_size][:2 * MAX_NODE_LABELS]
        order = [i for i in self.selected if inside[i]] + [
            i for i in candidates.tolist() if i not in self.selected]
        # Where few actors are on screen every label may try four places; in a crowd, one.
        places = 4 if len(order) <= 150 else 1
        char_w = fm.averageCharWidth() * 1.1
        h = fm.height()
        width, height = view.width(), view.height()
        bg = self.theme.colour("background", 200)
        plain = QFont(font)
        bold_font = QFont(font)
        bold_font.setBold(True)
        fg = QPen(self.theme.colour("foreground"))
        sel_pen = QPen(self.theme.colour("selection"))
        drawn = 0
        for i in order:
            if drawn >= MAX_NODE_LABELS:
                break
            selected = i in self.selected
            text = d.names[i]
            w = len(text) * char_w + 6
            x, y, r = float(sx[i]), float(sy[i]), float(d.size[i]) / 2
            # Below, above, right, left of the node: the first place where nothing is drawn.
            spots = ((x - w / 2, y + r + 1), (x - w / 2, y - r - 1 - h),
                     (x + r + 3, y - h / 2), (x - r - 3 - w, y - h / 2))[:places]
            chosen = None
            for left, top in spots:
                if left < 0 or top < 0 or left + w > width or top + h > height:
                    continue
                rows = slice(int(top / cell) + 1, int((top + h) / cell) + 1)
                cols = slice(int(left / cell), int((left + w) / cell) + 1)
                if not grid[rows, cols].any():
                    chosen = (left, top, rows, cols)
                    break
            if chosen is None:
                if not selected:
                    continue
                left, top = spots[0]
                chosen = (left, top, slice(int(max(0, top) / cell) + 1,
                                           int(max(0, top + h) / cell) + 1),
                          slice(int(max(0, left) / cell), int(max(0, left + w) / cell) + 1))
            left, top, rows, cols = chosen
            grid[rows, cols] = True
            rect = QRectF(left, top, w, h)
            painter.fillRect(rect, bg)
            painter.setFont(bold_font if selected else plain)
            painter.setPen(sel_pen if selected else fg)
            painter.drawText(rect, Qt.AlignCenter, text)
            drawn += 1
        painter.restore()


def _cover(x: np.ndarray, y: np.ndarray, r: np.ndarray, view, cell: float) -> np.ndarray:
    """Occupancy grid (cells of `cell` px) with every node's square marked, vectorised.

    A 2-D difference array and two cumulative sums mark thousands of squares without a
    Python loop.
    """
    rows, cols = int(view.height() / cell) + 2, int(view.width() / cell) + 2
    diff = np.zeros((rows + 1, cols + 1), np.int32)
    if len(x):
        r0 = np.clip((np.maximum(0, y - r) / cell).astype(np.int64), 0, rows)
        r1 = np.clip(((y + r) / cell).astype(np.int64) + 1, 0, rows)
        c0 = np.clip((np.maximum(0, x - r) / cell).astype(np.int64), 0, cols)
        c1 = np.clip(((x + r) / cell).astype(np.int64) + 1, 0, cols)
        np.add.at(diff, (r0, c0), 1)
        np.add.at(diff, (r0, c1), -1)
        np.add.at(diff, (r1, c0), -1)
        np.add.at(diff, (r1, c1), 1)
    return diff.cumsum(0).cumsum(1)[:rows, :cols] > 0


def kind_symbol(kind: str) -> str:
    return {"state": "o", "government": "h", "person": "t1", "organisation": "s",
            "group": "d"}.get(kind, "p")


class NodesItem(pg.GraphicsObject):
    """Actor symbols, one cached antialiased sprite per (shape, size, colours) blitted per node.

    pyqtgraph's ScatterPlotItem re-keys every point on each setData (~20 ms for 2,000 actors),
    which alone would eat the time-window budget; here a window change only swaps arrays.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pos = np.zeros((0, 2))
        self.size = np.zeros(0)
        self.sprite_of = np.zeros(0, np.int64)
        self.sprites: list[tuple] = []  # (symbol, size, fill rgba, outline rgba, width)
        self._pixmaps: dict[tuple, QPixmap] = {}
        self._bounds = QRectF(-1, -1, 2, 2)
        self.setZValue(3)

    def set_nodes(self, pos: np.ndarray, size: np.ndarray, styles: list[tuple]) -> None:
        """`styles[i]` = (symbol, fill QColor, outline QColor, outline width) of node i."""
        self.prepareGeometryChange()
        self.pos, self.size = pos, size
        keys: dict[tuple, int] = {}
        sprite_of = np.empty(len(styles), np.int64)
        for i, (symbol, fill, outline, width) in enumerate(styles):
            key = (symbol, int(size[i]), fill.rgba(), outline.rgba(), width)
            sprite_of[i] = keys.setdefault(key, len(keys))
        self.sprites = list(keys)
        self.sprite_of = sprite_of
        if len(pos):
            lo, hi = pos.min(axis=0), pos.max(axis=0)
            self._bounds = QRectF(lo[0], lo[1], max(hi[0] - lo[0], 1e-6),
                                  max(hi[1] - lo[1], 1e-6))
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _pixmap(self, key: tuple, ratio: float) -> QPixmap:
        cached = self._pixmaps.get((key, ratio))
        if cached is None:
            symbol, size, fill, outline, width = key
            side = size + 2 * width + 2
            cached = QPixmap(int(np.ceil(side * ratio)), int(np.ceil(side * ratio)))
            cached.setDevicePixelRatio(ratio)
            cached.fill(Qt.transparent)
            p = QPainter(cached)
            p.setRenderHint(QPainter.Antialiasing)
            p.translate(side / 2, side / 2)
            p.scale(size, size)
            pen = QPen(QColor.fromRgba(outline), width / max(size, 1))
            p.setPen(pen)
            p.setBrush(QColor.fromRgba(fill))
            p.drawPath(pg.graphicsItems.ScatterPlotItem.Symbols[symbol])
            p.end()
            if len(self._pixmaps) > 512:
                self._pixmaps.clear()
            self._pixmaps[(key, ratio)] = cached
        return cached

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if not len(self.pos):
            return
        m = painter.transform()
        sx = self.pos[:, 0] * m.m11() + self.pos[:, 1] * m.m21() + m.dx()
        sy = self.pos[:, 0] * m.m12() + self.pos[:, 1] * m.m22() + m.dy()
        view = painter.viewport()
        r = self.size / 2 + 4
        inside = np.flatnonzero((sx + r >= 0) & (sy + r >= 0) & (sx - r <= view.width())
                                & (sy - r <= view.height()))
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.save()
        painter.resetTransform()
        pixmaps = [self._pixmap(key, ratio) for key in self.sprites]
        # Biggest last, so that small actors are not hidden under big ones.
        for i in inside[np.argsort(self.size[inside], kind="stable")].tolist():
            pm = pixmaps[self.sprite_of[i]]
            half = pm.width() / ratio / 2
            painter.drawPixmap(QPointF(sx[i] - half, sy[i] - half), pm)
        painter.restore()


KIND_COLOURS = {"state": "#5b8def", "government": "#7e57c2", "person": "#f0a030",
                "organisation": "#26a69a", "group": "#ec407a", "other": "#9e9e9e"}


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, KIND_COLOURS["other"]))
