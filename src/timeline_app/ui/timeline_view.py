"""The timeline: lanes of events on a date axis that zooms from decades to hours."""

from __future__ import annotations

from datetime import date

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollBar,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from timeline_app.graph.build import pair_events
from timeline_app.ui import workers
from timeline_app.ui.corpus_model import REFILL_GAP_MS, CorpusModel, later
from timeline_app.ui.image_output import render_widget
from timeline_app.ui.selection import ACTOR, EDGE, EVENT, SelectionModel
from timeline_app.ui.theme import LIGHT, Theme, polarity_colour
from timeline_app.ui.timeline_data import (
    ACTOR_LANES,
    DAY_SECONDS,
    RELATION_LANES,
    TimelineRows,
    build_rows,
    from_x,
    to_x,
)
from timeline_app.ui.timeline_items import (
    GridItem,
    TimelineItem,
    calendar_ticks,
    date_label,
    date_levels,
)

HOUR = 3600.0
STRIP_PX = 92  # height of the polarity strip under the timeline, title included
ASYNC_EVENTS = 3000  # from this many events, rows are built on a worker thread


LANE_AXIS_MIN, LANE_AXIS_MAX = 90, 170


class LaneAxis(pg.AxisItem):
    """Lane names on the left; thinned so that names never overlap, elided to the axis width."""

    def __init__(self) -> None:
        super().__init__("left")
        self.names: list[str] = []
        self.setWidth(120)

    def set_names(self, names: list[str]) -> None:
        """Width follows the longest name (within limits); longer names are elided to fit."""
        self.names = names
        metrics = QFontMetrics(self.style.get("tickFont") or QFont())
        widest = max((metrics.horizontalAdvance(n) for n in names), default=0)
        self.setWidth(int(min(LANE_AXIS_MAX, max(LANE_AXIS_MIN, widest + 18))))
        self.picture = None
        self.update()

    def tickValues(self, minVal, maxVal, size):
        if not self.names:
            return []
        minVal, maxVal = sorted((minVal, maxVal))
        lo, hi = max(0, int(np.ceil(minVal))), min(len(self.names) - 1, int(np.floor(maxVal)))
        if hi < lo:
            return []
        per_px = (maxVal - minVal) / max(size, 1)
        step = max(1, int(np.ceil(16 * per_px)))
        return [(step, list(range(lo, hi + 1, step)))]

    def tickStrings(self, values, scale, spacing):
        metrics = QFontMetrics(self.style.get("tickFont") or QFont())
        room = max(20, self.width() - 16)
        out = []
        for v in values:
            i = round(v)
            name = self.names[i] if 0 <= i < len(self.names) else ""
            out.append(metrics.elidedText(name, Qt.ElideRight, room))
        return out


class CalendarAxis(pg.AxisItem):
    """Dates under the timeline, at the grid's own calendar lines (timeline_items.date_grid).

    pyqtgraph's DateAxisItem converts every candidate tick through QDateTime and formats
    hundreds it then drops, a third of a frame at "fit all"; here ticks come from a few
    numpy steps and each label string is formatted once.
    """

    def __init__(self) -> None:
        super().__init__("bottom")
        self._kind_of: dict[float, str] = {}
        self._labels: dict[tuple[float, str], str] = {}

    def tickValues(self, minVal, maxVal, size):
        width = max(size, 1.0)
        (major, major_step), (minor, minor_step) = date_levels(minVal, maxVal, width)
        levels = [(major_step, major)] + ([(minor_step, minor)] if minor_step else [])
        top = {"week": ("month", 1), "day": ("month", 1), "hour": ("day", 1)}.get(major_step[1])
        if top is not None:
            # Finer than months: the month (or day) must still be named, at its first line;
            # day labels too close to it give way.
            bounds = calendar_ticks(minVal, maxVal, *top)
            if len(bounds):
                per_px = (maxVal - minVal) / width
                near = np.abs(major[:, None] - bounds[None, :]).min(axis=1) < 45 * per_px
                # (spacing, kind): the spacing only tells the levels apart in tickStrings.
                first = ((30.44 * DAY_SECONDS, "month") if top[0] == "month"
                         else (DAY_SECONDS, "daystart"))
                first = (first[0] * 1.0001, first[1])
                levels = [(first, bounds), (major_step, major[~near]), *levels[1:]]
        self._kind_of = {step[0]: step[1] for step, _ in levels}
        return [(step[0], values.tolist()) for step, values in levels]

    def tickStrings(self, values, scale, spacing):
        kind = self._kind_of.get(spacing, "day")
        if len(self._labels) > 4000:
            self._labels.clear()
        out = []
        for v in values:
            label = self._labels.get((v, kind))
            if label is None:
                label = self._labels[(v, kind)] = date_label(v, kind)
            out.append(label)
        return out


class TimelineViewBox(pg.ViewBox):
    """Shift-drag selects a time range; plain drag pans; the wheel zooms time only."""

    range_dragged = Signal(float, float)

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(x=True, y=True)
        self.region: pg.LinearRegionItem | None = None
        self._drag_start: float | None = None

    def wheelEvent(self, ev, axis=None):
        """The wheel zooms time; with Shift it scrolls the lanes instead."""
        if ev.modifiers() & Qt.ShiftModifier:
            ev.accept()
            _, (y0, y1) = self.viewRange()
            step = -np.sign(ev.delta()) * max(1.0, (y1 - y0) * 0.15)
            self.translateBy(y=step)
            return
        super().wheelEvent(ev, axis=0)

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() == Qt.LeftButton and ev.modifiers() & Qt.ShiftModifier:
            ev.accept()
            x = self.mapSceneToView(ev.scenePos()).x()
            if ev.isStart():
                self._drag_start = self.mapSceneToView(ev.buttonDownScenePos()).x()
            if self._drag_start is None:
                return
            lo, hi = sorted((self._drag_start, x))
            if self.region is not None:
                self.region.setRegion((lo, hi))
                self.region.show()
            if ev.isFinish():
                self._drag_start = None
                self.range_dragged.emit(lo, hi)
            return
        super().mouseDragEvent(ev, axis)


class TimelineView(QWidget):
    """Draws the corpus model's events; reads and writes the shared selection only."""

    context_requested = Signal(object)  # QPoint, global: right click (event under it selected)
    set_date_requested = Signal(str)  # article id: the banner's one-click "Set date"

    def __init__(self, model: CorpusModel, selection: SelectionModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.selection = model, selection
        self.theme: Theme = LIGHT
        self.mode = ACTOR_LANES
        self.fold_people = False
        self.rows = TimelineRows()
        self.dragged_window: tuple[date, date] | None = None
        self._shown_ids: set[str] | None = None
        self.pending = False  # rows being prepared on a worker thread
        self._generation = 0
        self._job: workers.Job | None = None

        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.ci.setContentsMargins(4, 4, 8, 4)
        self.viewbox = TimelineViewBox()
        self.viewbox.invertY(True)
        self.axis = CalendarAxis()
        self.lane_axis = LaneAxis()
        self.plot = self.graphics.addPlot(
            row=0, col=0, viewBox=self.viewbox,
            axisItems={"bottom": self.axis, "left": self.lane_axis},
        )
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        self.grid = GridItem(self.axis)
        self.plot.addItem(self.grid, ignoreBounds=True)
        self.item = TimelineItem()
        self.plot.addItem(self.item)
        self.region = pg.LinearRegionItem(orientation="vertical", movable=True)
        self.region.setZValue(10)
        self.region.hide()
        self.plot.addItem(self.region, ignoreBounds=True)
        self.viewbox.region = self.region
        self.viewbox.setLimits(xMin=to_x(date(1, 1, 2)), xMax=to_x(date(9999, 12, 30)),
                               minXRange=2 * HOUR)

        self.strip = self.graphics.addPlot(row=1, col=0)
        self.strip.setMaximumHeight(STRIP_PX)
        self.strip.setXLink(self.plot)
        self.strip.setYRange(-1.25, 1.25, padding=0)  # room for the "conflict" tick label
        self.strip.getAxis("left").setWidth(120)
        self.strip.getAxis("left").setTicks([[(-1, "conflict"), (0, "0"), (1, "coop.")]])
        self.strip.hideAxis("bottom")
        self.strip.setMouseEnabled(x=True, y=False)
        self.strip.hideButtons()
        self.strip.setMenuEnabled(False)
        self.strip_bars: pg.BarGraphItem | None = None
        self._set_strip_visible(False)

        self.lanes_combo = QComboBox()
        self.lanes_combo.addItem("Lanes by actor", ACTOR_LANES)
        self.lanes_combo.addItem("Lanes by relation type", RELATION_LANES)
        self.lanes_combo.currentIndexChanged.connect(self._lanes_changed)
        self.info = QLabel()
        self.info.setObjectName("timelineInfo")
        bar = QHBoxLayout()
        bar.setContentsMargins(6, 2, 6, 0)
        bar.addWidget(self.lanes_combo)
        hint = QLabel("Drag: pan · Wheel: zoom · Shift+drag: time window · F: fit all")
        hint.setObjectName("hint")
        hint.setToolTip(hint.text())
        hint.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)  # shrinks, never overlaps
        hint.setMinimumWidth(0)
        bar.addSpacing(8)
        bar.addWidget(hint, 1)
        bar.addSpacing(8)
        bar.addWidget(self.info)
        self.undated_banner = QWidget()
        self.undated_banner.setObjectName("undatedBanner")
        self.undated_text = QLabel()
        # Long titles must not widen the window: the text shrinks (the tooltip keeps it all).
        self.undated_text.setSizePolicy(QSizePolicy.Ignored, QSizePolicy.Preferred)
        self.undated_text.setMinimumWidth(0)
        self.undated_button = QPushButton("Set publication date…")
        self.undated_button.setToolTip("Its relative dates (\"last month\") are read from it")
        self.undated_button.clicked.connect(self._set_date_clicked)
        banner = QHBoxLayout(self.undated_banner)
        banner.setContentsMargins(8, 3, 8, 3)
        banner.addWidget(self.undated_text, 1)
        banner.addWidget(self.undated_button)
        self.undated_banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.undated_banner)
        layout.addLayout(bar)
        self.lane_scroll = QScrollBar(Qt.Vertical)
        self.lane_scroll.setToolTip("Scroll the lanes (Shift+wheel)")
        self.lane_scroll.valueChanged.connect(self._scrolled)
        self.lane_scroll.hide()
        plot_row = QHBoxLayout()
        plot_row.setContentsMargins(0, 0, 0, 0)
        plot_row.setSpacing(0)
        plot_row.addWidget(self.graphics, 1)
        plot_row.addWidget(self.lane_scroll)
        layout.addLayout(plot_row, 1)

        self._rendered = True  # the rows' image was rendered ahead of their paint
        self._paint_timer = QTimer(self)
        self._paint_timer.setSingleShot(True)
        self._paint_timer.setInterval(REFILL_GAP_MS)
        self._paint_timer.timeout.connect(self._paint_rows)
        self._window_timer = QTimer(self)
        self._window_timer.setSingleShot(True)
        self._window_timer.setInterval(120)
        self._window_timer.timeout.connect(self._emit_window)
        self.viewbox.sigXRangeChanged.connect(lambda *_: self._window_timer.start())
        self.viewbox.sigYRangeChanged.connect(lambda *_: self._sync_scrollbar())
        self.viewbox.range_dragged.connect(self._range_dragged)
        self.region.sigRegionChangeFinished.connect(self._region_moved)
        self.graphics.scene().sigMouseMoved.connect(self._hover)
        self.graphics.scene().sigMouseClicked.connect(self._clicked)
        model.corpus_changed.connect(self.reload)
        selection.changed.connect(self._selection_changed)
        selection.window_changed.connect(self._window_from_selection)

    # -- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        # The banner belongs to the corpus, not to the rows: shown now, the relayout it
        # causes is not added to the turn that applies the rows (a large corpus's longest).
        self._update_banner()
        self._rebuild(then=self.fit_all)

    def _rebuild(self, then=None) -> None:
        """Rows for the current corpus, lanes, folding and edge filter, then `then()`.

        Large corpora are prepared on a worker thread (the window keeps responding); the
        newest request wins when several overlap.
        """
        corpus, mode, fold = self.model.corpus, self.mode, self.fold_people
        edge = self.selection.edge if self.selection.kind == EDGE else None

        def compute():
            shown = None
            if edge:
                shown = {e.id for e in pair_events(corpus, *edge, fold_people=fold)}
            return shown, build_rows(corpus, mode, fold_people=fold, only=shown)

        self._generation += 1
        generation = self._generation
        if len(corpus.events) < ASYNC_EVENTS:
            self._rows_ready(generation, then, compute())
            return
        self.pending = True
        job = workers.Job(compute, takes_progress=False)
        # Applied in a turn of its own (corpus_model.later): a corpus's other views refill
        # at the same moment, and together they would freeze the window.
        job.signals.finished.connect(lambda result: later(
            lambda: self._rows_ready(generation, then, result, paint_later=True), self))
        job.signals.failed.connect(lambda _m: setattr(self, "pending", False))
        self._job = job
        workers.start(job)

    def _rows_ready(self, generation: int, then, result, *, paint_later: bool = False) -> None:
        """Show new rows; with `paint_later`, rendered and painted in later turns.

        Applying a large corpus's rows (lanes, axes, scroll bar, range), rendering them and
        painting took one long turn; in three (apply, render the image, paint the view), the
        window answers in between. Until the rows are painted the view shows its previous
        frame, and `pending` stays set.
        """
        if generation != self._generation:
            return
        if paint_later:
            self.graphics.setUpdatesEnabled(False)
            self._rendered = False
            self._paint_timer.start()
        else:
            self.pending = False
        self._shown_ids, self.rows = result
        self.item.set_rows(self.rows)
        self._set_lane_names(self.rows.lanes)
        self._apply_emphasis()
        self._update_strip()
        self._update_info()
        if then is not None:
            then()

    def _paint_rows(self) -> None:
        if not self._rendered:
            self._rendered = True
            self.viewbox.prepareForPaint()  # the range and transform the paint will use
            self.item.render_ahead()
            self._paint_timer.start()
            return
        self.graphics.setUpdatesEnabled(True)  # repaints the whole view
        self.pending = False

    def set_rows(self, rows: TimelineRows) -> None:
        """Show prepared rows directly (benchmarks, synthetic data)."""
        self.rows = rows
        self.item.set_rows(rows)
        self._set_lane_names(rows.lanes)
        self.fit_all()

    def _set_lane_names(self, names: list[str]) -> None:
        self.lane_axis.set_names(names)
        # The fixed width just set, not width(): the layout has not applied it yet, and both
        # axes must be equally wide for the strip's days to line up with the timeline's.
        self.strip.getAxis("left").setWidth(self.lane_axis.fixedWidth)
        self._sync_scrollbar()

    def shown_event_ids(self) -> set[str]:
        return {e.id for e in self.rows.events}

    def _update_info(self) -> None:
        n = len(self.rows.events)
        undated = f" · {self.rows.undated} undated" if self.rows.undated else ""
        self.info.setText(f"{n} events{undated}")
        self._update_banner()

    def _update_banner(self) -> None:
        """The "No publication date" banner: the first undated article, a click from a date."""
        articles = self.model.undated_articles()
        if articles:
            first = articles[0]
            name = first.title or first.path
            more = f" and {len(articles) - 1} more" if len(articles) > 1 else ""
            self.undated_text.setText(
                f"<b>No publication date</b> for “{_escape(name)}”{more}: "
                "its relative dates cannot be placed on the timeline.")
            self.undated_text.setToolTip(f"{name}{more}")
            self._undated_first = first.id
        self.undated_banner.setVisible(bool(articles))  # after the text: one relayout

    def _set_date_clicked(self) -> None:
        article = getattr(self, "_undated_first", None)
        if article:
            self.set_date_requested.emit(article)

    def set_mode(self, mode: str) -> None:
        """Lanes by actor or by relation type (the combo box shows the choice)."""
        index = self.lanes_combo.findData(mode)
        if index >= 0:
            self.lanes_combo.setCurrentIndex(index)

    def _lanes_changed(self) -> None:
        self.mode = self.lanes_combo.currentData()
        self._rebuild(then=lambda: self.fit_all(keep_x=True))

    def set_fold_people(self, fold: bool) -> None:
        self.fold_people = fold
        self._rebuild()

    # -- view ---------------------------------------------------------------------------------
    def _sync_scrollbar(self) -> None:
        """The scroll bar shows which lanes are in view; hidden when all of them fit."""
        _, (y0, y1) = self.viewbox.viewRange()
        n = len(self.rows.lanes)
        shown = max(1, round(y1 - y0))
        self.lane_scroll.blockSignals(True)
        self.lane_scroll.setRange(0, max(0, n - shown))
        self.lane_scroll.setPageStep(shown)
        self.lane_scroll.setValue(max(0, min(n - shown, round(y0 + 0.7))))
        self.lane_scroll.blockSignals(False)
        self.lane_scroll.setVisible(n > shown)

    def _scrolled(self, value: int) -> None:
        _, (y0, y1) = self.viewbox.viewRange()
        self.viewbox.setYRange(value - 0.7, value - 0.7 + (y1 - y0), padding=0)

    def fit_all(self, keep_x: bool = False) -> None:
        rows = self.rows
        n_lanes = max(1, len(rows.lanes))
        visible_lanes = min(n_lanes, 14)
        self.viewbox.setYRange(-0.7, visible_lanes - 0.3, padding=0)
        if keep_x:
            return
        if len(rows):
            lo, hi = float(rows.x0.min()), float(rows.x1.max())
            pad = max((hi - lo) * 0.04, 3 * DAY_SECONDS)
            self.viewbox.setXRange(lo - pad, hi + pad, padding=0)
        else:
            today = to_x(date.today())
            self.viewbox.setXRange(today - 365 * DAY_SECONDS, today, padding=0)
        self.region.hide()
        self.dragged_window = None

    def zoom(self, factor: float) -> None:
        """Zoom time around the middle of the view (factor < 1 zooms in)."""
        (x0, x1), _ = self.viewbox.viewRange()
        mid, half = (x0 + x1) / 2, (x1 - x0) * factor / 2
        self.viewbox.setXRange(mid - half, mid + half, padding=0)

    def set_window(self, start: date, end: date) -> None:
        self.viewbox.setXRange(to_x(start), to_x(end) + DAY_SECONDS, padding=0)

    def visible_window(self) -> tuple[date, date]:
        (x0, x1), _ = self.viewbox.viewRange()
        return from_x(x0), from_x(x1 - 1)

    def _emit_window(self) -> None:
        if self.dragged_window is None:
            self.selection.set_window(self.visible_window())

    def _range_dragged(self, lo: float, hi: float) -> None:
        self.dragged_window = (from_x(lo), from_x(hi))
        self.selection.set_window(self.dragged_window)

    def _region_moved(self) -> None:
        if self.region.isVisible():
            lo, hi = self.region.getRegion()
            self._range_dragged(lo, hi)

    def _window_from_selection(self, window) -> None:
        """A window set elsewhere (the time slider) shows as the dragged region."""
        if window is None or window == self.visible_window() or window == self.dragged_window:
            return
        self.dragged_window = window
        self.region.blockSignals(True)
        self.region.setRegion((to_x(window[0]), to_x(window[1]) + DAY_SECONDS))
        self.region.blockSignals(False)
        self.region.show()

    def clear_range(self) -> None:
        self.region.hide()
        self.dragged_window = None
        self._emit_window()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.undated_banner.setStyleSheet(
            f"QWidget#undatedBanner {{ background: {theme.banner}; }}")
        self.graphics.setBackground(theme.background)
        fg = QColor(theme.foreground)
        for plot in (self.plot, self.strip):
            for name in ("bottom", "left"):
                axis = plot.getAxis(name)
                axis.setPen(QPen(QColor(theme.muted)))
                axis.setTextPen(QPen(fg))
        self.region.setBrush(theme.colour("selection", 40))
        for line in self.region.lines:
            line.setPen(QPen(theme.colour("selection"), 1.5))
        self.item.set_theme(theme)
        self.grid.set_theme(theme)
        self._update_strip()

    # -- selection ----------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        edge_shown = self._shown_ids is not None
        if (self.selection.kind == EDGE) or edge_shown:
            def fit_pair() -> None:
                if self.selection.kind == EDGE and len(self.rows):
                    self.fit_all()

            self._rebuild(then=fit_pair)
            return
        self._apply_emphasis()

    def _apply_emphasis(self) -> None:
        rows, sel = self.rows, self.selection
        dim = None
        selected = np.zeros(0, np.int64)
        if not len(rows):
            self.item.set_emphasis(None, selected)
            return
        if sel.kind == ACTOR and sel.actor_ids:
            actor = sel.actor_ids[0]
            fold = self.model.corpus.root_actor if self.fold_people else (lambda a: a)
            keep = {e.id for e in rows.events if actor in {fold(a) for a in e.actors}}
            dim = ~rows.rows_of(keep)
        elif sel.kind == EVENT and sel.event_id:
            selected = np.flatnonzero(rows.rows_of({sel.event_id}))
        self.item.set_emphasis(dim, selected)
        if len(selected):
            self._ensure_visible(int(selected[0]))

    def _ensure_visible(self, row: int) -> None:
        """An event picked in the table or graph scrolls into view, keeping the zoom."""
        rows = self.rows
        (x0, x1), (y0, y1) = self.viewbox.viewRange()
        mid, lane = (rows.x0[row] + rows.x1[row]) / 2, float(rows.y[row])
        dx = 0.0 if x0 <= mid <= x1 else mid - (x0 + x1) / 2
        lo, hi = sorted((y0, y1))
        dy = 0.0 if lo + 0.3 <= lane <= hi - 0.3 else lane - (lo + hi) / 2
        if dx or dy:
            self.viewbox.translateBy(x=dx, y=dy)

    def _update_strip(self) -> None:
        sel = self.selection
        if sel.kind != EDGE or not sel.edge:
            self._set_strip_visible(False)
            return
        from timeline_app.graph.metrics import polarity_series

        a, b = sel.edge
        series = polarity_series(self.model.corpus, a, b, fold_people=self.fold_people)
        if self.strip_bars is not None:
            self.strip.removeItem(self.strip_bars)
            self.strip_bars = None
        if series:
            x0 = np.array([to_x(s) for s, _, _, _ in series])
            x1 = np.array([to_x(e) + DAY_SECONDS for _, e, _, _ in series])
            heights = np.array([p for _, _, p, _ in series])
            brushes = [polarity_colour(self.theme, p, 200) for p in heights]
            self.strip_bars = pg.BarGraphItem(x0=x0, x1=x1, y0=np.zeros(len(series)),
                                              height=heights, brushes=brushes, pen=None)
            self.strip.addItem(self.strip_bars)
        corpus = self.model.corpus
        names = [(x.name if (x := corpus.actor(i)) else i) for i in (a, b)]
        # A title above the strip, not text inside it: it must never sit on the bars.
        self.strip.setTitle(f"{_escape(names[0])} – {_escape(names[1])}: polarity over time",
                            color=self.theme.muted, size="8pt", justify="left")
        self._set_strip_visible(True)

    def _set_strip_visible(self, visible: bool) -> None:
        self.strip.setVisible(visible)
        self.graphics.ci.layout.setRowMaximumHeight(1, STRIP_PX if visible else 0)

    # -- mouse --------------------------------------------------------------------------------
    def event_at(self, scene_pos) -> int | None:
        """Index into rows.events of the event under a scene position, or None."""
        rows = self.rows
        if not len(rows) or not self.viewbox.sceneBoundingRect().contains(scene_pos):
            return None
        p = self.viewbox.mapSceneToView(scene_pos)
        px_w, px_h = self.viewbox.viewPixelSize()
        tol_y = max(0.12, 7 * px_h)
        tol = 7 * px_w
        mask = ((np.abs(rows.y - p.y()) <= tol_y) & (rows.x0 - tol <= p.x())
                & (rows.x1 + tol >= p.x()))
        hits = np.flatnonzero(mask)
        if not len(hits):
            return None
        mids = (rows.x0[hits] + rows.x1[hits]) / 2
        widths = rows.x1[hits] - rows.x0[hits]
        dy = np.abs(rows.y[hits] - p.y())
        best = hits[np.lexsort((np.abs(mids - p.x()), widths, np.round(dy / tol_y, 1)))[0]]
        return int(rows.event[best])

    def _hover(self, scene_pos) -> None:
        index = self.event_at(scene_pos)
        if index is None or not self.rows.events:
            QToolTip.hideText()
            return
        ev = self.rows.events[index]
        article = self.model.corpus.article(ev.article)
        source = article.title or article.path if article else ev.article
        time = ev.time_text or ev.time.value
        span = f"{ev.time.start} … {ev.time.end}" if ev.time.start != ev.time.end \
            else str(ev.time.start)
        fuzzy = " (approximate)" if ev.time.approximate else ""
        ongoing = " (ongoing)" if ev.time.open_end else ""
        text = (f"<b>{ev.type.replace('_', ' ')}</b>: {_escape(ev.summary)}<br>"
                f"<i>{_escape(time)}</i> — {span}{fuzzy}{ongoing}<br>"
                f"<span>{_escape(source)}</span>")
        view = self.graphics
        global_pos = view.mapToGlobal(view.mapFromScene(scene_pos))
        QToolTip.showText(global_pos, text, view)

    def _clicked(self, ev) -> None:
        if ev.button() == Qt.RightButton:
            index = self.event_at(ev.scenePos())
            if index is not None:
                self.selection.select_event(self.rows.events[index].id, self.model.corpus)
            ev.accept()
            self.context_requested.emit(ev.screenPos().toPoint())
            return
        if ev.button() != Qt.LeftButton or ev.double():
            return
        index = self.event_at(ev.scenePos())
        if index is None:
            if self.viewbox.sceneBoundingRect().contains(ev.scenePos()) \
                    and self.selection.kind == EVENT:
                self.selection.clear()
            return
        self.selection.select_event(self.rows.events[index].id, self.model.corpus)

    def scene_pos_of(self, event_id: str):
        """Scene position of an event's first row (tests click there, like a user)."""
        rows = self.rows
        hits = np.flatnonzero(rows.rows_of({event_id}))
        if not len(hits):
            return None
        _, (top, bottom) = self.viewbox.viewRange()
        shown = [h for h in hits if top < rows.y[h] < bottom]  # a lane in view, if any
        r = shown[0] if shown else hits[0]
        x = (rows.x0[r] + rows.x1[r]) / 2
        from PySide6.QtCore import QPointF

        return self.viewbox.mapViewToScene(QPointF(x, float(rows.y[r])))

    def render_image(self, path: str, width: int | None = None, height: int | None = None) -> None:
        """Write what the timeline shows as PNG, SVG or PDF (chosen by the file suffix)."""
        render_widget(self.graphics, path, width, height, self.theme.background)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

