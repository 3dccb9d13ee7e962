"""Painting a graph of thousands of edges: one item, a handful of draw calls per frame.

Edges are bucketed by colour (polarity) and width (evidence) and each bucket is stroked with
one drawLines; arrow heads are one filled path per bucket. On screen the edges are rendered
into an image kept per zoom level: a pan blits it, a zoom step shows it scaled until the zoom
rests, then renders afresh. Nodes are sprites from one atlas, drawn in one call. Labels are
placed in screen space, biggest first, and skipped where they would overlap.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPaintEngine,
    QPainter,
    QPen,
    QPixmap,
    QTransform,
)

from timeline_app.ui.theme import LIGHT, Theme, polarity_colour

POLARITY_BUCKETS = np.array([-0.6, -0.25, -0.05, 0.05, 0.25, 0.6])
WIDTH_BUCKETS = np.array([1.5, 3.0, 6.0])
MAX_NODE_LABELS = 150
MAX_EDGE_LABELS = 60
SIMPLE_EDGES = 800  # above this many edges on screen: hairlines, no arrows or edge labels
SMOOTH_EDGES = 250  # antialiased (smooth but slow) only up to this many edges on screen
SETTLE_MS = 150  # after a zoom step, the edges are rendered afresh once it has rested this long
PREVIEW_ZOOM = (0.7, 2.5)  # zoom factors over which the last rendered edges are shown scaled



def _bounds_of(pos) -> QRectF:
    """The rectangle around node positions (never empty, so Qt keeps painting it)."""
    lo, hi = pos.min(axis=0), pos.max(axis=0)
    return QRectF(lo[0], lo[1], max(hi[0] - lo[0], 1e-6), max(hi[1] - lo[1], 1e-6))

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
        self.counts = np.zeros(0)  # events in the window per node
        self.edge_ref = np.zeros(0, np.int64)  # each edge's number in the graph it came from


class EdgesItem(pg.GraphicsObject):
    def __init__(self) -> None:
        super().__init__()
        self.data = GraphData()
        self.theme: Theme = LIGHT
        self.selected_edges: set[int] = set()
        self.selected_nodes: set[int] = set()
        self.faded = False
        self._bounds = QRectF(-1, -1, 2, 2)
        self._version = 0  # bumped by every change of what is drawn
        self._cache: dict | None = None
        self._settled = False
        self._settle = QTimer()
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled_now)

    def set_data(self, data: GraphData) -> None:
        self.prepareGeometryChange()
        self._version += 1
        self.data = data
        if len(data.pos):
            self._bounds = _bounds_of(data.pos)
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
        if painter.paintEngine().type() == QPaintEngine.Raster:
            self._paint_cached(painter, vb, px_w, px_h)
        else:  # SVG, PDF: vectors
            self._draw_edges(painter, px_w, px_h, self._visible(vx0, vx1, vy0, vy1))
        if not self.selected_edges and len(d.src) > SIMPLE_EDGES:
            return
        simple = int(self._visible(vx0, vx1, vy0, vy1).sum()) > SIMPLE_EDGES
        start, end, line_end = self._geometry(px_w, px_h, simple)[:3]
        scale = np.array([px_w, px_h])
        if self.selected_edges:
            pen = QPen(self.theme.colour("selection"), 4.5)
            pen.setCosmetic(True)
            painter.setPen(pen)
            for i in self.selected_edges:
                if 0 <= i < len(d.src):
                    painter.drawLine(QPointF(*(start[i] * scale)), QPointF(*(line_end[i] * scale)))
        self._paint_edge_labels(painter, start * scale, end * scale, px_w, px_h)

    def _visible(self, vx0: float, vx1: float, vy0: float, vy1: float) -> np.ndarray:
        d = self.data
        a, b = d.pos[d.src], d.pos[d.tgt]
        return ((np.minimum(a[:, 0], b[:, 0]) <= vx1) & (np.maximum(a[:, 0], b[:, 0]) >= vx0)
                & (np.minimum(a[:, 1], b[:, 1]) <= vy1) & (np.maximum(a[:, 1], b[:, 1]) >= vy0))

    def _geometry(self, px_w: float, px_h: float, simple: bool):
        """Edge ends and arrow heads in pixel units (offset sideways when both ways exist).

        Working in pixels keeps arrows and offsets the same size at every zoom.
        """
        d = self.data
        scale = np.array([px_w, px_h])
        pa, pb = d.pos[d.src] / scale, d.pos[d.tgt] / scale
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
        arrow = 5 + width_px * 1.5
        base = end - unit * arrow[:, None]
        return start, end, base, width_px, normal, arrow, ok

    def _paint_cached(self, painter: QPainter, vb, px_w: float, px_h: float) -> None:
        """Edges from an image rendered once per zoom level: a pan only moves the image.

        A pan at an unchanged zoom blits the image at its new place (whole pixels, so
        exactly what a fresh render would give); the first pan renders half a view more on
        every side. A zoom step shows the last image scaled while the wheel turns and
        renders it afresh once the zoom has rested for SETTLE_MS.
        """
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        scale = (float(f"{px_w:.9g}"), float(f"{px_h:.9g}"))  # pans add float noise
        cache = self._cache
        same = cache is not None and cache["version"] == self._version
        if same and cache["scale"] == scale:
            if cache["x0"] <= vx0 and cache["x1"] >= vx1 and cache["y0"] <= vy0 \
                    and cache["y1"] >= vy1:
                self._blit(painter, cache, smooth=False)
                return
            margin = 0.5  # a pan left the image: render half a view more on every side
        else:
            margin = 0.0
            ratio = cache["scale"][0] / scale[0] if same and cache["scale"] else 0.0
            if not self._settled and PREVIEW_ZOOM[0] <= ratio <= PREVIEW_ZOOM[1]:
                self._blit(painter, cache, smooth=True)  # a zoom in progress: a preview
                self._settle.start()
                return
        self._settled = False
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        cache = self._render(painter.transform(), ratio, vb, px_w, px_h, scale, margin)
        if cache is not None:
            self._cache = cache
            self._blit(painter, cache, smooth=False)

    def render_ahead(self, view) -> bool:
        """Render the edges' image now, for the next paint in `view` to blit; True if done.

        The image depends on the zoom only (the cached rectangle starts at its own (0, 0)),
        so it is the one the paint would render. Should the view change before it paints,
        the paint renders afresh as usual.
        """
        vb = self.getViewBox()
        if vb is None or not len(self.data.src):
            return False
        px_w, px_h = vb.viewPixelSize()
        scale = (float(f"{px_w:.9g}"), float(f"{px_h:.9g}"))
        cache = self._render(self.deviceTransform(view.viewportTransform()),
                             view.viewport().devicePixelRatioF(), vb, px_w, px_h, scale, 0.0)
        if cache is None:
            return False
        self._cache = cache
        self._settled = False
        return True

    def _render(self, m: QTransform, ratio: float, vb, px_w, px_h, scale, margin: float):
        """The edges within the view (and `margin` views around it) as an image, drawn
        through the item's device transform `m` at `ratio` device pixels per pixel."""
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        w, h = vx1 - vx0, vy1 - vy0
        x0, x1, y0, y1 = vx0 - margin * w, vx1 + margin * w, vy0 - margin * h, vy1 + margin * h
        width, height = round((x1 - x0) / px_w), round((y1 - y0) / px_h)
        if width <= 0 or height <= 0 or width * height * ratio * ratio > 40_000_000:
            return None
        image = QImage(int(width * ratio), int(height * ratio), QImage.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(0)
        # The item's own transform, moved so that the cached rectangle starts at (0, 0).
        corner = m.map(QPointF(x0, y0)), m.map(QPointF(x1, y1))
        left, top = min(corner[0].x(), corner[1].x()), min(corner[0].y(), corner[1].y())
        p = QPainter(image)
        p.setTransform(m * QTransform.fromTranslate(-left, -top))
        self._draw_edges(p, px_w, px_h, self._visible(x0, x1, y0, y1))
        p.end()
        return {"version": self._version, "scale": scale, "image": image,
                "x0": x0, "x1": x1, "y0": y0, "y1": y1}

    def _blit(self, painter: QPainter, cache, *, smooth: bool) -> None:
        m = painter.transform()
        a = m.map(QPointF(cache["x0"], cache["y0"]))
        b = m.map(QPointF(cache["x1"], cache["y1"]))
        target = QRectF(a, b).normalized()
        painter.save()
        painter.resetTransform()
        if smooth:
            painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
            painter.drawImage(target, cache["image"])
        else:  # whole device pixels: the image is drawn unscaled, exactly as rendered
            painter.drawImage(QPointF(round(target.left()), round(target.top())),
                              cache["image"])
        painter.restore()

    def _settled_now(self) -> None:
        self._settled = True  # the next paint renders at the exact zoom
        self.update()

    def drop_cache(self) -> None:
        """Forget the rendered edges: the next paint renders afresh (benchmarks time it)."""
        self._cache = None
        self.update()

    def _draw_edges(self, painter: QPainter, px_w: float, px_h: float,
                    visible: np.ndarray) -> None:
        """Edges bucketed by colour and width, each bucket one drawLines and one arrow path."""
        d = self.data
        n_visible = int(visible.sum())
        simple = n_visible > SIMPLE_EDGES
        start, tip, line_end, width_px, normal, arrow, ok = self._geometry(px_w, px_h, simple)
        left = line_end + normal * (arrow[:, None] * 0.45)
        right = line_end - normal * (arrow[:, None] * 0.45)
        pol_bucket = np.searchsorted(POLARITY_BUCKETS, d.polarity)
        width_bucket = np.searchsorted(WIDTH_BUCKETS, width_px)
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
        # Screen positions of the candidates in one go (the transform is affine), and each
        # label's width measured once: a few types label hundreds of edges.
        mx, my = _mapped(transform, (start[order] + end[order]) / 2)
        ax, ay = _mapped(transform, start[order])
        bx, by = _mapped(transform, end[order])
        seg2 = ((bx - ax) ** 2 + (by - ay) ** 2).tolist()
        mx, my = mx.tolist(), my.tolist()
        advance: dict[str, float] = {}
        h = fm.height()
        room = QRectF(view)
        drawn = 0
        for k, i in enumerate(order.tolist()):
            if drawn >= MAX_EDGE_LABELS:
                break
            text = d.labels[i].replace("_", " ")
            width = advance.get(text)
            if width is None:
                width = advance[text] = fm.horizontalAdvance(text)
            if seg2[k] < (width + 30) ** 2:
                continue
            w = width + 4
            rect = QRectF(mx[k] - w / 2, my[k] - h / 2, w, h)
            if not room.contains(rect) or _occupied(grid, rect, mark=False):
                continue
            _occupied(grid, rect, mark=True)
            painter.drawText(rect, Qt.AlignCenter, text)
            drawn += 1
        painter.restore()


CELL = 4.0


def _mapped(m: QTransform, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points (n x 2) through an affine transform, as QTransform.map computes them."""
    x, y = points[:, 0], points[:, 1]
    return x * m.m11() + y * m.m21() + m.dx(), x * m.m12() + y * m.m22() + m.dy()


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
            self._bounds = _bounds_of(data.pos)
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
    """Actor symbols: antialiased sprites from one cached atlas, all drawn in one call.

    pyqtgraph's ScatterPlotItem re-keys every point on each setData (~20 ms for 2,000 actors),
    which alone would eat the time-window budget; here a window change only swaps arrays.
    """

    def __init__(self) -> None:
        super().__init__()
        self.pos = np.zeros((0, 2))
        self.size = np.zeros(0)
        self.sprite_of = np.zeros(0, np.int64)
        self.sprites: list[tuple] = []  # (symbol, size, fill rgba, outline rgba, width)
        self._atlas_cache: tuple | None = None  # (key, pixmap, places)
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)
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

    def _atlas(self, ratio: float) -> tuple[QPixmap, np.ndarray]:
        """Every sprite side by side in one pixmap, and each one's (left, side) in it."""
        key = (tuple(self.sprites), ratio)
        if self._atlas_cache is not None and self._atlas_cache[0] == key:
            return self._atlas_cache[1], self._atlas_cache[2]
        sides = [int(np.ceil((size + 2 * width + 2) * ratio))
                 for _symbol, size, _fill, _outline, width in self.sprites]
        lefts = np.cumsum([0, *sides])[:-1]
        pixmap = QPixmap(max(1, sum(sides)), max([1, *sides]))
        pixmap.fill(Qt.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.Antialiasing)
        for (symbol, size, fill, outline, width), left, side in zip(
                self.sprites, lefts.tolist(), sides, strict=True):
            p.save()
            p.translate(left + side / 2, side / 2)
            p.scale(size * ratio, size * ratio)
            p.setPen(QPen(QColor.fromRgba(outline), width / max(size, 1)))
            p.setBrush(QColor.fromRgba(fill))
            p.drawPath(pg.graphicsItems.ScatterPlotItem.Symbols[symbol])
            p.restore()
        p.end()
        places = np.stack([lefts, sides], axis=1).astype(float).reshape(-1, 2)
        self._atlas_cache = (key, pixmap, places)
        return pixmap, places

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
        if not len(inside):
            return
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        atlas, places = self._atlas(ratio)
        # Biggest last, so that small actors are not hidden under big ones.
        order = inside[np.argsort(self.size[inside], kind="stable")]
        place = places[self.sprite_of[order]]
        self._fragments.resize(len(order))
        frags = self._fragments.ndarray()
        frags[:, 0], frags[:, 1] = sx[order], sy[order]  # centres, in device pixels
        frags[:, 2], frags[:, 3] = place[:, 0], 0.0  # source rectangle in the atlas
        frags[:, 4], frags[:, 5] = place[:, 1], place[:, 1]
        frags[:, 6:10] = [1 / ratio, 1 / ratio, 0.0, 1.0]  # scale x, y, rotation, opacity
        painter.save()
        painter.resetTransform()
        if painter.paintEngine().type() == QPaintEngine.Raster:
            painter.drawPixmapFragments(*self._fragments.drawargs(), atlas)
        else:  # SVG, PDF: no fragments, nor source rectangles; one sprite at a time
            sprites = {}
            for k, (x, y) in zip(self.sprite_of[order].tolist(), frags[:, :2].tolist(),
                                 strict=True):
                left, side = places[k]
                if k not in sprites:
                    sprites[k] = atlas.copy(int(left), 0, int(side), int(side))
                size = side / ratio
                painter.drawPixmap(QRectF(x - size / 2, y - size / 2, size, size), sprites[k],
                                   QRectF(0, 0, side, side))
        painter.restore()


KIND_COLOURS = {"state": "#5b8def", "government": "#7e57c2", "person": "#f0a030",
                "organisation": "#26a69a", "group": "#ec407a", "other": "#9e9e9e"}


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, KIND_COLOURS["other"]))
