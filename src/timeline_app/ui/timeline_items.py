"""One GraphicsObject that paints every event: bars, markers, fuzzy and open periods, labels.

Per frame the rows in view are found by binary search (rows sorted by lane and start), and on
screen everything is rasterised with numpy into one image, drawn with one drawImage: bars as
per-column coverage, fuzzy and open periods as per-column gradients, point events as cached
antialiased sprites on top (one drawPixmapFragments call). No Python loop runs per bar or
marker, so cost follows the screen size, not the data. The image is kept while only the
x-range moves, so panning blits it; in crowded views a zoom step shows it stretched until the
zoom rests. SVG and PDF output keeps every shape a vector (one path per type, a gradient per
fuzzy or open period).
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from pyqtgraph.Qt.internals import PrimitiveArray
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
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
    QPixmap,
)

from timeline_app.ui.theme import LIGHT, Theme, type_colour
from timeline_app.ui.timeline_data import TimelineRows

MAX_SPECIAL = 300  # fuzzy/open rows drawn per view width
LOD_ROWS = 1500  # above this many visible rows, markers too are pixels in the one image
MAX_DASHED = 40  # dashed outlines are slow to rasterise; only when few are on screen
MAX_LABELS = 400
MAX_SMOOTH = 300  # antialiased diamonds per frame
MAX_LABELLED_ROWS = 1500  # above this many rows on screen, labels would be noise
SETTLE_MS = 150  # a crowded view is rendered afresh once a zoom has rested this long
PREVIEW_ZOOM = (0.7, 2.5)  # zoom factors over which the last image is shown stretched
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
        self._band = np.zeros(0, np.int64)  # per row: its sub-row, numbered top to bottom
        self._band_y = np.zeros(0)  # per sub-row: its y
        self._atlas: tuple | None = None  # (key, pixmap, cell) of the marker sprites
        self._fragments = PrimitiveArray(QPainter.PixmapFragment, 10)
        self._cull = _RowIndex(self.rows)
        self._version = 0  # bumped whenever what is drawn changes, not where
        self._dense_cache: tuple | None = None  # key, x0, x1, pixels, QImage, valid x0, x1
        self._settled = False
        self._settle = QTimer()
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._settled_now)
        self.setFlag(self.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    # -- data ---------------------------------------------------------------------------------
    def set_rows(self, rows: TimelineRows) -> None:
        self.prepareGeometryChange()
        self.rows = rows
        self.dim = None
        self.selected_rows = np.zeros(0, np.int64)
        self._colours = [type_colour(t) for t in rows.types]
        self._band_y, self._band = np.unique(np.round(rows.y, 2), return_inverse=True)
        self._band = self._band.reshape(-1)
        self._cull = _RowIndex(rows)
        self._changed()
        if len(rows):
            x0, x1 = float(rows.x0.min()), float(rows.x1.max())
            self._bounds = QRectF(x0, -0.5, max(x1 - x0, 1.0), max(len(rows.lanes), 1))
        else:
            self._bounds = QRectF(0, -0.5, 1, 1)
        self.update()

    def set_emphasis(self, dim: np.ndarray | None, selected: np.ndarray) -> None:
        self.dim = dim
        self.selected_rows = selected
        self._changed()
        self.update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._changed()
        self.update()

    def _changed(self) -> None:
        self._version += 1
        self._dense_cache = None

    def boundingRect(self) -> QRectF:
        return self._bounds

    # -- painting -----------------------------------------------------------------------------
    def _visible(self) -> tuple[np.ndarray, float, float]:
        vb = self.getViewBox()
        if vb is None or not len(self.rows):
            return np.zeros(0, np.int64), 1.0, 1.0
        (vx0, vx1), (vy0, vy1) = vb.viewRange()
        px = vb.viewPixelSize()
        return self._cull.rows_in(vx0, vx1, vy0, vy1), px[0], px[1]

    @staticmethod
    def _sizes(px_h: float) -> tuple[float, float, float]:
        """Lane height, bar thickness and marker size in pixels at a vertical zoom."""
        lane_px = 1.0 / px_h if px_h else 20.0
        # Up to three sub-rows share a lane (timeline_data.stack_tracks): shapes stay thinner
        # than the gap between sub-rows.
        bar_px = min(BAR_PX, max(2.0, lane_px * 0.22))
        point_px = min(POINT_PX, max(3.0, lane_px * 0.28))
        return lane_px, bar_px, point_px

    def render_ahead(self) -> None:
        """Render the image the next paint will blit, now, outside the paint.

        The image is rasterised with numpy from the view's range alone, so it is the one the
        paint would render; the view then paints in a turn of its own. Should the range
        change before that paint, the paint renders afresh as usual.
        """
        idx, px_w, px_h = self._visible()
        if len(idx):
            _, bar_px, point_px = self._sizes(px_h)
            self._paint_cached(None, idx, px_w, px_h, bar_px, point_px, len(idx) > LOD_ROWS)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        idx, px_w, px_h = self._visible()
        if not len(idx):
            return
        lane_px, bar_px, point_px = self._sizes(px_h)
        # On screen, shapes are rasterised with numpy into one image (pixel-exact, far faster
        # than filling paths); SVG and PDF output keeps every shape a vector.
        raster = painter.paintEngine().type() == QPaintEngine.Raster
        dense = len(idx) > LOD_ROWS
        if raster:
            self._paint_cached(painter, idx, px_w, px_h, bar_px, point_px, dense)
            if dense:
                self._paint_selection(painter, px_w, bar_px, point_px)
                return
        x0, x1, y, dim, special, point, types = self._shapes(idx, px_w)
        if raster:
            self._paint_overlay(painter, idx, x0, x1, y, dim, special, point, types, px_h,
                                bar_px, point_px)
        else:
            self._paint_vector(painter, idx, x0, x1, y, dim, special, point, types, px_w, px_h,
                               bar_px, point_px)
        self._paint_selection(painter, px_w, bar_px, point_px)
        if lane_px >= 24 and len(idx) <= MAX_LABELLED_ROWS:
            self._paint_labels(painter, idx, x0, x1, y, point, dim, bar_px, point_px)

    def _shapes(self, idx: np.ndarray, px_w: float):
        """Per-row drawing attributes of rows `idx`; spans are at least two pixels long."""
        rows = self.rows
        x0 = rows.x0[idx]
        x1 = np.maximum(rows.x1[idx], x0 + 2.0 * px_w)
        dim = self.dim[idx] if self.dim is not None else np.zeros(len(idx), bool)
        point = rows.point[idx]
        special = (rows.approx[idx] | rows.open_end[idx]) & ~point
        return x0, x1, rows.y[idx], dim, special, point, rows.type[idx]

    def _paint_cached(self, painter, idx, px_w, px_h, bar_px, point_px, dense: bool) -> None:
        """Bars and periods from one cached image (in crowded views, markers too).

        The image is kept while only the x-range moves: a pan blits it at its new place.
        On the first pan at a given zoom it is rendered a view wider on either side (within
        the data), so a drag across a view's width redraws nothing. While the wheel zooms,
        the last image is shown stretched; the view is rendered afresh once the zoom has
        rested SETTLE_MS. With no painter (render_ahead) the image is only made ready.
        """
        (vx0, vx1), (vy0, vy1) = self.getViewBox().viewRange()
        # Rounded: a pan recomputes the pixel size from the shifted range, with float noise.
        key = (*(float(f"{v:.9g}") for v in (px_w, px_h, vy0, vy1)), bar_px, point_px,
               self._version, dense)
        cache = self._dense_cache
        exact = cache is not None and cache[0] == key and cache[5] <= vx0 and cache[6] >= vx1
        if dense and not exact and cache is not None and cache[0][1:] == key[1:] \
                and not self._settled \
                and PREVIEW_ZOOM[0] <= cache[0][0] / key[0] <= PREVIEW_ZOOM[1]:
            if painter is None:
                return
            # A zoom in progress: the last image, stretched, until the zoom rests.
            painter.save()
            painter.setRenderHint(QPainter.SmoothPixmapTransform, True)
            painter.drawImage(QRectF(cache[1], vy0, cache[2] - cache[1], cache[3].shape[0] * px_h),
                              cache[4])
            painter.restore()
            self._settle.start()
            return
        if not exact:
            margin = (vx1 - vx0) if cache is not None and cache[0] == key else 0.0
            # Nothing is drawn beyond the data (markers reach a few pixels past it).
            data_lo = self._cull.origin - 2 * POINT_PX * px_w
            data_hi = self._cull.end + 2 * POINT_PX * px_w
            lo = max(vx0 - margin, min(vx0, data_lo))
            hi = min(vx1 + margin, max(vx1, data_hi))
            lo = vx0 - np.ceil((vx0 - lo) / px_w) * px_w  # whole pixels from the view's edge
            rows = idx if (lo, hi) == (vx0, vx1) else self._cull.rows_in(lo, hi, vy0, vy1)
            cap = round(MAX_SPECIAL * (hi - lo) / (vx1 - vx0))  # as many per view width
            cache = self._render(key, rows, lo, hi, vy0, vy1, px_w, px_h, bar_px, point_px,
                                 dense, cap)
            if cache is not None:  # valid for any view inside, or reaching only past the data
                cache = (*cache, -np.inf if lo <= data_lo else lo,
                         np.inf if cache[2] >= data_hi else cache[2])
            self._dense_cache = cache
            self._settled = False
        if cache is None or painter is None:
            return
        _, lo, _, image, qimage = cache[:5]
        height, width = image.shape
        painter.drawImage(QRectF(lo, vy0, width * px_w, height * px_h), qimage)

    def _settled_now(self) -> None:
        self._settled = True  # the next paint renders at the exact zoom
        self.update()

    def drop_cache(self) -> None:
        """Forget the rendered image: the next paint renders afresh (benchmarks time it)."""
        self._dense_cache = None
        self.update()

    def _render(self, key, idx, lo, hi, vy0, vy1, px_w, px_h, bar_px, point_px, dense, cap):
        """The image of rows `idx` from x = lo to hi: every shape when dense, else the bars
        and periods (markers are sprites drawn on top each frame).

        Fuzzy and open periods are written first, then bars: faint rows (outside the actor
        filter) before the others, so that the others cover them.
        """
        width = int(np.ceil((hi - lo) / px_w))
        height = int(np.ceil((vy1 - vy0) / px_h))
        if width <= 0 or height <= 0 or width * height > 24_000_000:
            return None
        if not dense:
            idx = np.sort(idx)
        x0, x1, y, dim, special, point, types = self._shapes(idx, px_w)
        band = self._band[idx]
        canvas = (np.zeros((height, width), np.uint32), lo, vy0)
        passes = [(faint, dim if faint else ~dim) for faint in (True, False)]
        if not dense:
            for faint, chosen in passes:
                s = np.flatnonzero(chosen & special)[:cap]
                self._paint_special_raster(canvas[0], lo, vy0, idx[s], x0[s], x1[s], y[s],
                                           45 if faint else 235, bar_px, px_w, px_h)
        for faint, chosen in passes:
            shapes = chosen if dense else chosen & ~special & ~point
            if shapes.any():
                self._layer(shapes, x0, x1, y, types, point, 45 if faint else 235, px_w, px_h,
                            bar_px, point_px, band, canvas)
        image = canvas[0]
        qimage = QImage(image.data, width, height, 4 * width, QImage.Format_ARGB32_Premultiplied)
        return key, lo, lo + width * px_w, image, qimage

    def _paint_overlay(self, painter, idx, x0, x1, y, dim, special, point, types, px_h, bar_px,
                       point_px) -> None:
        """What goes over the cached image: dashed outlines of fuzzy spans, marker sprites."""
        specials = np.flatnonzero(special)
        if 0 < len(specials) <= MAX_DASHED:  # dashed outlines of fuzzy spans, when few
            self._paint_dashes(painter, idx[specials], x0[specials], x1[specials],
                               y[specials], dim[specials], bar_px, px_h)
        pts = np.flatnonzero(point)
        if len(pts):
            self._paint_markers(painter, (x0[pts] + x1[pts]) / 2, y[pts], types[pts], dim[pts],
                                point_px)

    def _paint_vector(self, painter, idx, x0, x1, y, dim, special, point, types, px_w, px_h,
                      bar_px, point_px) -> None:
        """Vector output (SVG, PDF): one filled path per type, gradients per special row."""
        painter.setRenderHint(QPainter.Antialiasing, int(point.sum()) < MAX_SMOOTH)
        for faint in (True, False):
            sel_dim = dim if faint else ~dim
            if not sel_dim.any():
                continue
            alpha = 45 if faint else 235
            for t in np.unique(types[sel_dim]):
                colour = QColor(self._colours[t])
                colour.setAlpha(alpha)
                m = sel_dim & (types == t)
                bars = m & ~point & ~special
                pts = m & point
                self._fill(painter, x0[bars], x1[bars], y[bars], (x0[pts] + x1[pts]) / 2,
                           y[pts], colour, bar_px * px_h / 2, point_px * px_w / 2,
                           point_px * px_h / 2)
            specials = np.flatnonzero(sel_dim & special)
            self._paint_special(painter, idx[specials], x0[specials], x1[specials],
                                y[specials], alpha, bar_px, px_w, px_h)

    def _paint_dashes(self, painter, rows_idx, x0, x1, y, dim, bar_px, px_h) -> None:
        """The dashed outline that marks a fuzzy span as approximate."""
        rows = self.rows
        half = bar_px * px_h / 2
        painter.setBrush(Qt.NoBrush)
        for k, r in enumerate(rows_idx.tolist()):
            if not rows.approx[r]:
                continue
            colour = QColor(self._colours[rows.type[r]])
            colour.setAlpha(45 if dim[k] else 235)
            pen = QPen(colour, 1.2, Qt.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.drawRect(QRectF(float(x0[k]), float(y[k]) - half, float(x1[k] - x0[k]),
                                    2 * half))

    def _paint_markers(self, painter, xs, ys, types, dim, point_px) -> None:
        """Point events as antialiased diamonds: one cached sprite per type, one draw call."""
        ratio = painter.device().devicePixelRatioF() if painter.device() else 1.0
        atlas, cell = self._marker_atlas(point_px, ratio)
        m = painter.transform()
        sx = xs * m.m11() + ys * m.m21() + m.dx()
        sy = xs * m.m12() + ys * m.m22() + m.dy()
        frags = self._fragments
        frags.resize(len(xs))
        arr = frags.ndarray()
        arr[:, 0], arr[:, 1] = sx, sy
        arr[:, 2] = (types.astype(np.int64) * 2 + ~dim) * cell
        arr[:, 3], arr[:, 4], arr[:, 5] = 0, cell, cell
        arr[:, 6:10] = [1 / ratio, 1 / ratio, 0.0, 1.0]
        painter.save()
        painter.resetTransform()
        painter.drawPixmapFragments(*frags.drawargs(), atlas)
        painter.restore()

    def _marker_atlas(self, point_px: float, ratio: float):
        """A row of diamond sprites, faint and normal for each type, rendered once per size."""
        key = (round(point_px, 2), ratio, tuple(c.rgba() for c in self._colours))
        if self._atlas is not None and self._atlas[0] == key:
            return self._atlas[1], self._atlas[2]
        cell = int(np.ceil((point_px + 2) * ratio))
        n = max(1, len(self._colours))
        pixmap = QPixmap(cell * 2 * n, cell)
        pixmap.fill(Qt.transparent)
        p = QPainter(pixmap)
        p.setRenderHint(QPainter.Antialiasing)
        p.setPen(Qt.NoPen)
        r = point_px * ratio / 2
        for t, base in enumerate(self._colours):
            for normal in (0, 1):
                colour = QColor(base)
                colour.setAlpha(235 if normal else 45)
                p.setBrush(colour)
                cx, cy = (2 * t + normal) * cell + cell / 2, cell / 2
                p.drawPolygon([QPointF(cx - r, cy), QPointF(cx, cy - r), QPointF(cx + r, cy),
                               QPointF(cx, cy + r)])
        p.end()
        self._atlas = (key, pixmap, cell)
        return pixmap, cell

    def _canvas(self, px_w: float, px_h: float):
        """An empty premultiplied ARGB image covering the view, in screen pixels."""
        (vx0, vx1), (vy0, vy1) = self.getViewBox().viewRange()
        width = int(np.ceil((vx1 - vx0) / px_w))
        height = int(np.ceil((vy1 - vy0) / px_h))
        if width <= 0 or height <= 0 or width * height > 16_000_000:
            return None
        return np.zeros((height, width), np.uint32), vx0, vy0

    def _layer(self, m, x0, x1, y, types, point, alpha, px_w, px_h, bar_px, point_px, band,
               canvas=None):
        """The bars and markers selected by `m` rasterised into `canvas` (or a new image).

        Nothing finer than a pixel column is drawn, so each (sub-row, marker or bar, type) is
        a coverage mask over columns: one difference array for all of them and one cumulative
        sum. Where types overlap in a sub-row the later type wins, as if drawn in order. No
        Python loop runs per shape or per type: cost grows with the screen, not the data.
        """
        sel = slice(None) if m.all() else np.flatnonzero(m)  # all: no copies
        if not len(x0[sel]):
            return None
        canvas = canvas or self._canvas(px_w, px_h)
        if canvas is None:
            return None
        image, vx0, vy0 = canvas
        height, width = image.shape
        n_types = max(1, len(self._colours))
        pt = point[sel]
        left = (x0[sel] - vx0) / px_w
        right = (x1[sel] - vx0) / px_w
        half_pt = point_px * 0.35
        if pt.any():
            mid = (left + right) / 2
            left = np.where(pt, mid - half_pt, left)
            right = np.where(pt, mid + half_pt, right)
        ca = left.clip(0, width).astype(np.int64)  # floor: non-negative after the clip
        cb = np.ceil(right.clip(0, width)).astype(np.int64)
        cb = np.maximum(cb, np.minimum(ca + 1, width))
        # Groups are (sub-row, marker?) pairs in drawing order; only those on screen count.
        group = band[sel] * 2 + pt
        present = np.bincount(group)
        groups = np.flatnonzero(present)
        compact = np.cumsum(present > 0) - 1
        key = compact[group] * n_types + types[sel]
        n_keys, span = len(groups) * n_types, width + 1
        ends = np.concatenate([key * span + ca, key * span + cb])
        steps = np.ones(len(ends), np.int8)
        steps[len(ca):] = -1
        diff = np.bincount(ends, weights=steps, minlength=n_keys * span).astype(np.int32)
        cover = diff.reshape(len(groups), n_types, span).cumsum(axis=2, dtype=np.int32)
        cover = cover[:, :, :width] > 0
        # The latest type drawn wins: 1 + its index where any type covers, else 0.
        last = (cover * np.arange(1, n_types + 1, dtype=np.int16)[None, :, None]).max(axis=1)
        hit = last > 0
        packed = np.array([0] + [_premultiplied(c, alpha) for c in self._colours], np.uint32)
        colour = packed[last]
        for g, gid in enumerate(groups.tolist()):
            band, is_point = divmod(gid, 2)
            half = half_pt if is_point else bar_px / 2
            centre = (self._band_y[band] - vy0) / px_h
            r0, r1 = max(0, round(centre - half)), min(height, round(centre + half))
            if r1 > r0 and hit[g].any():
                np.copyto(image[r0:r1], colour[g], where=hit[g])
        return image, vx0, vy0, px_w, px_h

    def _paint_special_raster(self, image, vx0, vy0, rows_idx, x0, x1, y, alpha, bar_px,
                              px_w, px_h) -> None:
        """Fuzzy spans (soft ends) and open periods (fading out) written into the image.

        The same gradients as the vector painter, computed per pixel column with numpy for
        all rows at once; each row is then one slice assignment. They are written before the
        bars, into a transparent image, so no blending is needed.
        """
        height, width = image.shape
        if not len(rows_idx):
            return
        rows = self.rows
        left = (x0 - vx0) / px_w
        right = (x1 - vx0) / px_w
        ca = np.clip(np.floor(left), 0, width).astype(np.int64)
        cb = np.clip(np.ceil(right), 0, width).astype(np.int64)
        centre = (y - vy0) / px_h
        r0 = np.clip(np.round(centre - bar_px / 2), 0, height).astype(np.int64)
        r1 = np.clip(np.round(centre + bar_px / 2), 0, height).astype(np.int64)
        keep = (cb > ca) & (r1 > r0)
        if not keep.any():
            return
        rows_idx, left, right, ca, cb, r0, r1 = (
            v[keep] for v in (rows_idx, left, right, ca, cb, r0, r1))
        length = np.maximum(right - left, 1e-9)
        fuzzy = rows.approx[rows_idx]
        edge = np.minimum(0.35, 24 / length)
        fade = np.minimum(np.maximum(0.25, 1 - 60 / length), 0.85)
        # Columns of constant colour (between the soft ends; before the fade) are filled
        # with one value; only the ramps, a few dozen pixels each, are computed per column.
        flat_lo = np.where(fuzzy, np.ceil(left + edge * length - 0.5), ca)
        flat_hi = np.where(fuzzy, np.floor(right - edge * length - 0.5),
                           np.floor(left + fade * length - 0.5)) + 1
        flat_lo = np.clip(flat_lo, ca, cb).astype(np.int64)
        flat_hi = np.clip(flat_hi, flat_lo, cb).astype(np.int64)
        rgb = np.array([[c.red(), c.green(), c.blue()] for c in self._colours] or [[0, 0, 0]],
                       float)[rows.type[rows_idx]]
        flat = _pack(np.where(fuzzy, alpha // 2, alpha), rgb)
        # Ramp columns: [ca, flat_lo) then [flat_hi, cb) of every row, in one array.
        lo_edges = np.stack([ca, flat_hi], axis=1).reshape(-1)
        counts = np.stack([flat_lo - ca, cb - flat_hi], axis=1).reshape(-1)
        ends = np.cumsum(counts)
        starts = ends - counts
        owner = np.repeat(np.arange(2 * len(ca)) // 2, counts)
        col = np.arange(int(ends[-1])) - np.repeat(starts - lo_edges, counts)
        u = (col + 0.5 - left[owner]) / length[owner]  # 0..1 along the shape
        soft = np.clip(np.minimum(u, 1 - u) / edge[owner], 0, 1) * (alpha // 2)
        fading = np.clip((1 - u) / np.maximum(1 - fade[owner], 1e-9), 0, 1) * alpha
        a = np.where(fuzzy[owner], soft, np.where(u <= fade[owner], alpha, fading))
        ramp = _pack(a, rgb[owner])
        for k, (y0, y1, c0, f0, f1, c1) in enumerate(zip(
                r0.tolist(), r1.tolist(), ca.tolist(), flat_lo.tolist(), flat_hi.tolist(),
                cb.tolist(), strict=True)):
            band = image[y0:y1]
            if f1 > f0:
                band[:, f0:f1] = flat[k]
            if f0 > c0:
                band[:, c0:f0] = ramp[starts[2 * k]:ends[2 * k]]
            if c1 > f1:
                band[:, f1:c1] = ramp[starts[2 * k + 1]:ends[2 * k + 1]]

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


class _RowIndex:
    """Rows sorted by (lane, start), so that a view's rows are found by binary search.

    Short rows (the vast majority) start at most `reach` before the view, so each lane in
    view is one slice of the sorted order; the few long ones are tested one by one.
    """

    def __init__(self, rows: TimelineRows) -> None:
        n = len(rows)
        self.x0, self.x1, self.lane = rows.x0, rows.x1, rows.lane
        length = rows.x1 - rows.x0 if n else np.zeros(0)
        limit = float(np.quantile(length, 0.95)) if n else 0.0
        long = length > limit
        self.long = np.flatnonzero(long)
        self.reach = float(length[~long].max()) if (~long).any() else 0.0
        short = np.flatnonzero(~long)
        self.order = short[np.lexsort((rows.x0[short], rows.lane[short]))]
        self.origin = float(rows.x0.min()) if n else 0.0
        self.end = float(rows.x1.max()) if n else 0.0
        span = self.end - self.origin if n else 1.0
        self.stride = 2.0 ** np.ceil(np.log2(max(span, 1.0) * 4 + 1))
        # One sorted key: lane, then start (exact in float64 for any realistic span).
        self.key = rows.lane[self.order] * self.stride + (rows.x0[self.order] - self.origin)

    def rows_in(self, vx0: float, vx1: float, vy0: float, vy1: float) -> np.ndarray:
        if not len(self.x0):
            return np.zeros(0, np.int64)
        lo_lane, hi_lane = sorted((vy0, vy1))
        lanes = np.arange(max(0, int(np.floor(lo_lane - 1))), int(np.ceil(hi_lane + 1)) + 1)
        lo_x = max(vx0 - self.reach - self.origin, -self.stride / 4)
        hi_x = min(vx1 - self.origin, self.stride / 2)
        starts = np.searchsorted(self.key, lanes * self.stride + lo_x)
        ends = np.searchsorted(self.key, lanes * self.stride + hi_x, side="right")
        spans = [self.order[a:b] for a, b in zip(starts.tolist(), ends.tolist(), strict=True)
                 if b > a]
        candidates = np.concatenate([*spans, self.long]) if spans else self.long
        x0, x1, lane = self.x0[candidates], self.x1[candidates], self.lane[candidates]
        mask = ((x1 >= vx0) & (x0 <= vx1) & (lane >= lo_lane - 1) & (lane <= hi_lane + 1))
        found = candidates[mask]
        # Row order matters only where rows are drawn one by one (few of them).
        return np.sort(found) if len(found) <= LOD_ROWS else found


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


def _pack(alpha: np.ndarray, rgb: np.ndarray) -> np.ndarray:
    """Premultiplied 0xAARRGGBB pixels from alphas (0-255) and straight RGB rows (0-255)."""
    alpha = np.broadcast_to(np.asarray(alpha, float), rgb.shape[:1])
    c = np.round(rgb * (alpha / 255)[:, None]).astype(np.uint32)
    return ((np.round(alpha).astype(np.uint32) << 24) | (c[:, 0] << 16) | (c[:, 1] << 8)
            | c[:, 2])


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
    (major, _), (minor, _) = date_levels(x0, x1, width_px)
    return major, minor


def date_levels(x0: float, x1: float, width_px: float):
    """((major positions, step), (minor positions, step)) as in `date_grid`; a step is one
    of GRID_STEPS, or None where there is no minor level."""
    per_px = max((x1 - x0) / width_px, 1e-9)
    major_i = next((i for i, (sec, _k, _n) in enumerate(GRID_STEPS) if sec / per_px >= MAJOR_PX),
                   len(GRID_STEPS) - 1)
    major = calendar_ticks(x0, x1, *GRID_STEPS[major_i][1:])
    minor, minor_step = np.zeros(0), None
    if major_i > 0 and GRID_STEPS[major_i - 1][0] / per_px >= MINOR_PX:
        minor_step = GRID_STEPS[major_i - 1]
        minor = calendar_ticks(x0, x1, *minor_step[1:])
        minor = minor[~np.isin(minor, major)]
    return (major, GRID_STEPS[major_i]), (minor, minor_step)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def date_label(x: float, kind: str) -> str:
    """The axis label of a calendar line: the year on 1 January, the month on the 1st, the
    day at midnight, else the time; finer only as far as the step `kind` needs."""
    from timeline_app.ui.timeline_data import from_x

    d = from_x(x)
    if kind == "year" or (kind == "month" and d.month == 1):
        return str(d.year)
    if kind == "month":
        return _MONTHS[d.month - 1]
    seconds = int(x % _DAY)
    if kind == "daystart":
        return f"{d.day:02d} {_MONTHS[d.month - 1]}"
    if kind in ("day", "week") or seconds == 0:
        return f"{d.day:02d}"
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}"


def calendar_ticks(x0: float, x1: float, kind: str, count: int) -> np.ndarray:
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
