"""One GraphicsObject that paints every event: bars, markers, fuzzy and open periods, labels.

Per frame it culls the rows to the visible range with numpy and strokes each event type as one
QPainterPath of horizontal segments (pyqtgraph's arrayToQPath), so cost grows with the number of
types on screen, not the number of events. Only the few special rows (open periods that fade,
fuzzy spans, the selection) are drawn one by one, and those are capped.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QLinearGradient,
    QPaintEngine,
    QPainter,
    QPen,
)

from timeline_app.ui.theme import LIGHT, Theme, type_colour
from timeline_app.ui.timeline_data import TimelineRows

MAX_SPECIAL = 300  # individually drawn fuzzy/open rows per frame
LOD_ROWS = 1500  # above this many visible rows, rasterise everything into one image
MAX_DASHED = 40  # dashed outlines are slow to rasterise; only when few are on screen
MAX_LABELS = 400
MAX_SMOOTH = 300  # antialiased diamonds per frame
MAX_LABELLED_ROWS = 1500  # above this many rows on screen, labels would be noise
BAR_PX = 9.0
POINT_PX = 11.0


class TimelineItem(pg.GraphicsObject):
    def __init__(self) -> None:
        super().__init__()
        self.rows = TimelineRows()
        self.theme: Theme = LIGHT
        self.dim: np.ndarray | None = None  # rows drawn faint (not in the actor filter)
        self.selected_rows: np.ndarray = np.zeros(0, np.int64)
        self._bounds = QRectF(0, -1, 1, 1)
        self._colours: list[QColor] = []
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    # -- data ---------------------------------------------------------------------------------
    def set_rows(self, rows: TimelineRows) -> None:
        self.prepareGeometryChange()
        self.rows = rows
        self.dim = None
        self.selected_rows = np.zeros(0, np.int64)
        self._colours = [type_colour(t) for t in rows.types]
        if len(rows):
            x0, x1 = float(rows.x0.min()), float(rows.x1.max())
            self._bounds = QRectF(x0, -0.5, max(x1 - x0, 1.0), max(len(rows.lanes), 1))
        else:
            self._bounds = QRectF(0, -0.5, 1, 1)
        self.update()

    def set_emphasis(self, dim: np.ndarray | None, selected: np.ndarray) -> None:
        self.dim = dim
        self.selected_rows = selected
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    # -- painting -----------------------------------------------------------------------------
    def _visible(self) -> tuple[np.ndarray, float, float]:
        vb = self.getViewBox()
        rows = self.rows
        if vb is None or not len(rows):
            return np.zeros(0, np.int64), 1.0, 1.0
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        px = vb.viewPixelSize()
        mask = (rows.x1 >= vx0) & (rows.x0 <= vx1) & (rows.lane >= vy0 - 1) & (rows.lane <= vy1 + 1)
        return np.flatnonzero(mask), px[0], px[1]

    def paint(self, painter: QPainter, option, widget=None) -> None:
        idx, px_w, px_h = self._visible()
        if not len(idx):
            return
        rows = self.rows
        lane_px = 1.0 / px_h if px_h else 20.0
        # Up to three sub-rows share a lane (timeline_data.stack_tracks): shapes stay thinner
        # than the gap between sub-rows.
        bar_px = min(BAR_PX, max(2.0, lane_px * 0.22))
        point_px = min(POINT_PX, max(3.0, lane_px * 0.28))
        # Smooth diamond edges cost more than everything else together; only when they are few.
        painter.setRenderHint(QPainter.Antialiasing, int(rows.point[idx].sum()) < MAX_SMOOTH)
        min_len = 2.0 * px_w
        x0 = rows.x0[idx]
        x1 = np.maximum(rows.x1[idx], x0 + min_len)
        y = rows.y[idx]
        dim = self.dim[idx] if self.dim is not None else np.zeros(len(idx), bool)
        special = (rows.approx[idx] | rows.open_end[idx]) & ~rows.point[idx]
        point = rows.point[idx]
        types = rows.type[idx]
        dense = len(idx) > LOD_ROWS
        # On screen, bars are rasterised with numpy (pixel-exact, far faster than filling
        # paths); SVG and PDF output keeps every shape a vector.
        raster = painter.paintEngine().type() == QPaintEngine.Raster
        for faint in (True, False):
            sel_dim = dim if faint else ~dim
            if not sel_dim.any():
                continue
            alpha = 45 if faint else 235
            if dense:
                # Fades and fuzzy edges are invisible at this density: everything is one image.
                self._paint_dense(painter, sel_dim, x0, x1, y, types, point, alpha,
                                  px_w, px_h, bar_px, point_px)
            elif raster:
                self._paint_dense(painter, sel_dim & ~special & ~point, x0, x1, y, types, point,
                                  alpha, px_w, px_h, bar_px, point_px)
            for t in ([] if dense else np.unique(types[sel_dim])):
                colour = QColor(self._colours[t])
                colour.setAlpha(alpha)
                m = sel_dim & (types == t)
                bars = m & ~point & ~special & (not raster)
                pts = m & point
                self._fill(painter, x0[bars], x1[bars], y[bars], (x0[pts] + x1[pts]) / 2,
                           y[pts], colour, bar_px * px_h / 2, point_px * px_w / 2,
                           point_px * px_h / 2)
            specials = np.flatnonzero(sel_dim & special & (not dense))
            self._paint_special(painter, idx[specials], x0[specials], x1[specials],
                                y[specials], alpha, bar_px, px_w, px_h)
        self._paint_selection(painter, px_w, bar_px, point_px)
        if lane_px >= 24 and len(idx) <= MAX_LABELLED_ROWS:
            self._paint_labels(painter, idx, x0, x1, y, point, dim, bar_px, point_px)

    def _paint_dense(self, painter, m, x0, x1, y, types, point, alpha, px_w, px_h, bar_px,
                     point_px) -> None:
        """Level of detail: rasterise every shape straight into one image with numpy.

        With thousands of shapes on screen nothing finer than a pixel is visible, so each
        (sub-row, type) band is a coverage mask over pixel columns (difference array + cumsum)
        and the whole layer is one drawImage. Cost grows with the screen size, not the data.
        """
        if not m.any():
            return
        (vx0, vx1), (vy0, vy1) = self.getViewBox().viewRange()
        width = int(np.ceil((vx1 - vx0) / px_w))
        height = int(np.ceil((vy1 - vy0) / px_h))
        if width <= 0 or height <= 0 or width * height > 16_000_000:
            return
        image = np.zeros((height, width), np.uint32)
        n_types = max(1, len(self._colours))
        mid = (x0 + x1) / 2
        half_pt = point_px * 0.35
        a = np.where(point, (mid - vx0) / px_w - half_pt, (x0 - vx0) / px_w)
        b = np.where(point, (mid - vx0) / px_w + half_pt, (x1 - vx0) / px_w)
        a = np.clip(np.floor(a), 0, width).astype(np.int64)
        b = np.clip(np.ceil(b), 0, width).astype(np.int64)
        b = np.maximum(b, np.minimum(a + 1, width))
        band = np.round(y[m] * 100).astype(np.int64)  # lane + sub-row, in 1/100 lanes
        key = band * 2 * n_types + types[m] * 2 + point[m]
        order = np.argsort(key, kind="stable")
        keys, starts = np.unique(key[order], return_index=True)
        ends = np.append(starts[1:], len(order))
        ia, ib = a[m][order], b[m][order]
        packed = [_premultiplied(c, alpha) for c in self._colours]
        for k, lo, hi in zip(keys.tolist(), starts.tolist(), ends.tolist(), strict=True):
            is_point = k % 2
            t = (k // 2) % n_types
            yy = (k // (2 * n_types)) / 100
            half = half_pt if is_point else bar_px / 2
            centre = (yy - vy0) / px_h
            r0, r1 = max(0, round(centre - half)), min(height, round(centre + half))
            if r1 <= r0:
                continue
            diff = (np.bincount(ia[lo:hi], minlength=width + 1)
                    - np.bincount(ib[lo:hi], minlength=width + 1))
            cols = np.cumsum(diff[:width]) > 0
            image[r0:r1, cols] = packed[t]
        qimage = QImage(image.data, width, height, 4 * width, QImage.Format_ARGB32_Premultiplied)
        painter.drawImage(QRectF(vx0, vy0, width * px_w, height * px_h), qimage)

    def _fill(self, painter, x0, x1, y, px, py, colour, half_h, rx, ry) -> None:
        """Bars as rectangles and points as diamonds, all filled as one path (no stroking)."""
        nb, npt = len(x0), len(px)
        xs = np.empty(5 * (nb + npt))
        ys = np.empty_like(xs)
        if nb:
            xs[0:5 * nb:5], xs[1:5 * nb:5], xs[2:5 * nb:5] = x0, x1, x1
            xs[3:5 * nb:5], xs[4:5 * nb:5] = x0, x0
            top, bottom = y - half_h, y + half_h
            ys[0:5 * nb:5], ys[1:5 * nb:5], ys[2:5 * nb:5] = top, top, bottom
            ys[3:5 * nb:5], ys[4:5 * nb:5] = bottom, top
        if npt:
            o = 5 * nb
            xs[o::5], xs[o + 1::5], xs[o + 2::5] = px - rx, px, px + rx
            xs[o + 3::5], xs[o + 4::5] = px, px - rx
            ys[o::5], ys[o + 1::5], ys[o + 2::5] = py, py - ry, py
            ys[o + 3::5], ys[o + 4::5] = py + ry, py
        painter.setPen(Qt.NoPen)
        painter.setBrush(colour)
        # Axis-aligned bars need no antialiasing (it costs half the frame); diamonds do.
        antialias = painter.testRenderHint(QPainter.Antialiasing)
        for lo, hi, smooth in ((0, 5 * nb, False), (5 * nb, len(xs), antialias)):
            if hi <= lo:
                continue
            connect = np.ones(hi - lo, bool)
            connect[4::5] = False
            painter.setRenderHint(QPainter.Antialiasing, smooth)
            painter.drawPath(pg.arrayToQPath(xs[lo:hi], ys[lo:hi], connect=connect))
        painter.setRenderHint(QPainter.Antialiasing, antialias)

    def _paint_special(self, painter, rows_idx, x0, x1, y, alpha, bar_px, px_w, px_h) -> None:
        """Open periods fade out toward the article date; fuzzy spans get soft ends + dashes."""
        rows = self.rows
        half = bar_px * px_h / 2
        painter.setPen(Qt.NoPen)
        dashed = len(rows_idx) <= MAX_DASHED
        for k in range(min(len(rows_idx), MAX_SPECIAL)):
            r = rows_idx[k]
            colour = QColor(self._colours[rows.type[r]])
            a, b, yy = float(x0[k]), float(x1[k]), float(y[k])
            rect = QRectF(a, yy - half, b - a, 2 * half)
            grad = QLinearGradient(QPointF(a, yy), QPointF(b, yy))
            solid, clear = QColor(colour), QColor(colour)
            solid.setAlpha(alpha)
            clear.setAlpha(0)
            if rows.approx[r]:
                soft = QColor(colour)
                soft.setAlpha(alpha // 2)
                edge = min(0.35, 24 * px_w / max(b - a, 1e-9))
                grad.setColorAt(0.0, clear)
                grad.setColorAt(edge, soft)
                grad.setColorAt(1 - edge, soft)
                grad.setColorAt(1.0, clear)
                painter.fillRect(rect, QBrush(grad))
                if not dashed:
                    continue
                pen = QPen(solid, 1.2, Qt.DashLine)
                pen.setCosmetic(True)
                painter.setPen(pen)
                painter.setBrush(Qt.NoBrush)
                painter.drawRect(rect)
                painter.setPen(Qt.NoPen)
            else:  # open end: solid, then fading over its last part
                fade = max(0.25, 1 - 60 * px_w / max(b - a, 1e-9))
                grad.setColorAt(0.0, solid)
                grad.setColorAt(min(fade, 0.85), solid)
                grad.setColorAt(1.0, clear)
                painter.fillRect(rect, QBrush(grad))

    def _paint_selection(self, painter, px_w, bar_px, point_px) -> None:
        rows = self.rows
        if not len(self.selected_rows):
            return
        pen = QPen(self.theme.colour("selection"), 2.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.NoBrush)
        vb = self.getViewBox()
        px_h = vb.viewPixelSize()[1] if vb else 1.0
        for r in self.selected_rows[:200]:
            half = (point_px if rows.point[r] else bar_px) * px_h / 2 + 3 * px_h
            a = float(rows.x0[r])
            b = max(float(rows.x1[r]), a + 2 * px_w)
            if rows.point[r]:
                mid = (a + b) / 2
                a, b = mid - half / px_h * px_w, mid + half / px_h * px_w
            painter.drawRect(QRectF(a - 2 * px_w, rows.y[r] - half, b - a + 4 * px_w, 2 * half))

    def _paint_labels(self, painter, idx, x0, x1, y, point, dim, bar_px, point_px) -> None:
        """Type labels above (or else right of) their shapes, only where nothing else is drawn.

        Screen space is an occupancy grid of 3 px cells: every visible shape is marked first,
        then labels are placed left to right, top lane first. A label that would touch a shape,
        another label or the plot's edge is dropped, so labels never overlap anything and thin
        out by themselves as the view zooms out.
        """
        rows = self.rows
        if not rows.events:
            return
        transform = painter.transform()
        vb = self.getViewBox()
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        plot = transform.mapRect(QRectF(vx0, vy0, vx1 - vx0, vy1 - vy0)).normalized()
        painter.save()
        painter.resetTransform()
        painter.setClipRect(plot)
        font = QFont(painter.font())
        font.setPointSizeF(8.5)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        h = metrics.height()
        # Screen coordinates of every visible shape, vectorised.
        m = transform
        sx0 = x0 * m.m11() + y * m.m21() + m.dx()
        sx1 = x1 * m.m11() + y * m.m21() + m.dx()
        sy = x0 * m.m12() + y * m.m22() + m.dy()
        mid = (sx0 + sx1) / 2
        half_w = np.where(point, point_px / 2, 0)
        left = np.where(point, mid - half_w, np.minimum(sx0, sx1))
        right = np.where(point, mid + half_w, np.maximum(np.maximum(sx0, sx1), left + 2))
        half_h = np.where(point, point_px / 2, bar_px / 2)
        grid = _Grid(plot)
        for k in range(len(idx)):
            grid.mark(left[k], sy[k] - half_h[k], right[k], sy[k] + half_h[k])
        text_pen = QPen(self.theme.colour("foreground"))
        faint_pen = QPen(self.theme.colour("muted", 110))
        drawn = 0
        for k in np.lexsort((left, np.round(y, 2))):
            if drawn >= MAX_LABELS:
                break
            ev = rows.events[rows.event[idx[k]]]
            text = ev.type.replace("_", " ")
            w = metrics.horizontalAdvance(text) + 2
            lx = max(float(left[k]), plot.left() + 2)  # a bar begun off screen: label at edge
            above = QRectF(lx, sy[k] - half_h[k] - 1 - h, w, h)
            beside = QRectF(right[k] + 3, sy[k] - h / 2, w, h)
            for rect in (above, beside):
                if plot.contains(rect) and grid.free(rect):
                    grid.mark(rect.left(), rect.top(), rect.right(), rect.bottom())
                    painter.setPen(faint_pen if dim[k] else text_pen)
                    painter.drawText(rect, Qt.AlignLeft | Qt.AlignVCenter, text)
                    drawn += 1
                    break
        painter.restore()


class _Grid:
    """Screen occupancy in 3 px cells over the plot rectangle."""

    CELL = 3.0

    def __init__(self, rect: QRectF) -> None:
        self.x, self.y = rect.left(), rect.top()
        self.cells = np.zeros((int(rect.height() / self.CELL) + 2,
                               int(rect.width() / self.CELL) + 2), bool)

    def _slices(self, x0, y0, x1, y1):
        c, (rows, cols) = self.CELL, self.cells.shape
        r0 = min(max(int((y0 - self.y) / c), 0), rows)
        r1 = min(max(int((y1 - self.y) / c) + 1, 0), rows)
        c0 = min(max(int((x0 - self.x) / c), 0), cols)
        c1 = min(max(int((x1 - self.x) / c) + 1, 0), cols)
        return slice(r0, r1), slice(c0, c1)

    def mark(self, x0, y0, x1, y1) -> None:
        self.cells[self._slices(x0, y0, x1, y1)] = True

    def free(self, rect: QRectF) -> bool:
        return not self.cells[self._slices(rect.left() + 1, rect.top() + 1, rect.right() - 1,
                                           rect.bottom() - 1)].any()


def _premultiplied(colour: QColor, alpha: int) -> int:
    """0xAARRGGBB with colour channels premultiplied by alpha (QImage's fast format)."""
    f = alpha / 255
    return ((alpha << 24) | (round(colour.red() * f) << 16) | (round(colour.green() * f) << 8)
            | round(colour.blue() * f))


class GridItem(pg.GraphicsObject):
    """Vertical lines at the date axis's major (and first minor) ticks, drawn opaque.

    pyqtgraph's own grid blends every tick level over the full plot height, which cost a
    third of each frame; two levels of solid lines look the same and cost almost nothing.
    """

    def __init__(self, axis: pg.AxisItem) -> None:
        super().__init__()
        self.axis = axis  # kept for callers; the grid computes its own calendar steps
        self.theme: Theme = LIGHT
        self.setZValue(-10)

    def boundingRect(self) -> QRectF:
        # Fixed and huge, so that it never changes while the view moves (a bounding rectangle
        # that follows the view would have to announce each change to the scene).
        return QRectF(-7e10, -1e4, 3.3e11, 2e4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        vb = self.getViewBox()
        if vb is None:
            return
        (x0, x1), (y0, y1) = vb.viewRange()
        major, minor = date_grid(x0, x1, max(1.0, vb.width()))
        colours = (self.theme.colour("grid"), self.theme.colour("lane_alt"))
        painter.setRenderHint(QPainter.Antialiasing, False)
        for values, colour in ((minor, colours[1]), (major, colours[0])):
            if not len(values):
                continue
            xs = np.repeat(values, 2)
            ys = np.tile([y0, y1], len(values))
            pen = QPen(colour, 1)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawLines(_polygon(xs, ys))

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.update()


def _polygon(xs: np.ndarray, ys: np.ndarray):
    """A QPolygonF filled straight from numpy."""
    from pyqtgraph import functions as fn

    poly = fn.create_qpolygonf(len(xs))
    points = fn.ndarray_from_qpolygonf(poly)
    points[:, 0], points[:, 1] = xs, ys
    return poly


_DAY = 86400.0
# (seconds, kind, count): calendar steps a grid line may follow, finest first.
GRID_STEPS = (
    (3600.0, "hour", 1), (6 * 3600.0, "hour", 6), (12 * 3600.0, "hour", 12),
    (_DAY, "day", 1), (7 * _DAY, "week", 1), (30.44 * _DAY, "month", 1),
    (91.3 * _DAY, "month", 3), (182.6 * _DAY, "month", 6), (365.25 * _DAY, "year", 1),
    (2 * 365.25 * _DAY, "year", 2), (5 * 365.25 * _DAY, "year", 5),
    (10 * 365.25 * _DAY, "year", 10), (20 * 365.25 * _DAY, "year", 20),
    (50 * 365.25 * _DAY, "year", 50), (100 * 365.25 * _DAY, "year", 100),
)
MAJOR_PX, MINOR_PX = 90.0, 14.0


def date_grid(x0: float, x1: float, width_px: float) -> tuple[np.ndarray, np.ndarray]:
    """Positions (seconds since 1970) of major and minor grid lines on calendar boundaries.

    Major lines are at least MAJOR_PX apart, minor ones (the next finer step) MINOR_PX; both
    follow the calendar (1 January, the 1st of a month, midnight), never a fixed interval
    that would drift across months of different lengths.
    """
    per_px = max((x1 - x0) / width_px, 1e-9)
    major_i = next((i for i, (sec, _k, _n) in enumerate(GRID_STEPS) if sec / per_px >= MAJOR_PX),
                   len(GRID_STEPS) - 1)
    major = _calendar_ticks(x0, x1, *GRID_STEPS[major_i][1:])
    minor = np.zeros(0)
    if major_i > 0 and GRID_STEPS[major_i - 1][0] / per_px >= MINOR_PX:
        minor = _calendar_ticks(x0, x1, *GRID_STEPS[major_i - 1][1:])
        minor = minor[~np.isin(minor, major)]
    return major, minor


def _calendar_ticks(x0: float, x1: float, kind: str, count: int) -> np.ndarray:
    from datetime import date

    from timeline_app.ui.timeline_data import from_x, to_x

    if kind in ("hour", "day", "week"):
        step = {"hour": 3600.0, "day": _DAY, "week": 7 * _DAY}[kind] * count
        offset = 4 * _DAY if kind == "week" else 0.0  # 1970-01-01 was a Thursday: weeks on Monday
        first = np.ceil((x0 - offset) / step) * step + offset
        n = int((x1 - first) // step) + 1
        return first + step * np.arange(max(0, min(n, 5000)))
    lo, hi = from_x(x0), from_x(x1)
    if kind == "year":
        years = range((lo.year // count) * count, hi.year + 1, count)
        out = [to_x(date(y, 1, 1)) for y in years if 1 <= y <= 9999][:5000]
    else:
        out = []
        month = (lo.year * 12 + lo.month - 1) // count * count
        while month <= hi.year * 12 + hi.month - 1 and len(out) < 5000:
            y, m = divmod(month, 12)
            if 1 <= y <= 9999:
                out.append(to_x(date(y, m + 1, 1)))
            month += count
    values = np.asarray(out, float)
    return values[(values >= x0) & (values <= x1)]
