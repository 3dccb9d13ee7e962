"""The actor graph for the time window in view; positions stay put as the window moves."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSlider,
    QStyle,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from timeline_app.graph.build import WindowGraph, window_index
from timeline_app.graph.layout import layout_arrays
from timeline_app.ui import workers
from timeline_app.ui.corpus_model import CorpusModel, later
from timeline_app.ui.graph_items import (
    EdgesItem,
    GraphData,
    NodeLabelsItem,
    NodesItem,
    kind_colour,
    kind_symbol,
)
from timeline_app.ui.image_output import render_widget
from timeline_app.ui.selection import EVENT, SelectionModel
from timeline_app.ui.theme import LIGHT, Theme

PLAY_STEPS = 60
ASYNC_EVENTS = 3000  # from this many events, a window's graph is built on a worker thread


class GraphViewBox(pg.ViewBox):
    """Dragging a node moves it; dragging the background pans."""

    def __init__(self, view: GraphView) -> None:
        super().__init__(enableMenu=False, lockAspect=True)
        self.view = view
        self._dragging: int | None = None

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() != Qt.LeftButton:
            return super().mouseDragEvent(ev, axis)
        if ev.isStart():
            self._dragging = self.view.node_at(ev.buttonDownScenePos())
        if self._dragging is None:
            return super().mouseDragEvent(ev, axis)
        ev.accept()
        p = self.mapSceneToView(ev.scenePos())
        self.view.move_node(self._dragging, p.x(), p.y())
        if ev.isFinish():
            self._dragging = None


class GraphView(QWidget):
    """The actor graph of the time window in view; reads and writes the shared selection."""

    context_requested = Signal(object)  # QPoint, global: right click (node under it selected)

    def __init__(self, model: CorpusModel, selection: SelectionModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.selection = model, selection
        self.theme: Theme = LIGHT
        self.fold_people = False
        self.positions: dict[str, tuple[float, float]] = {}
        self._graph = None  # networkx DiGraph for the current window, built when asked for
        self._window_graph: WindowGraph | None = None  # the same as arrays
        self.data = GraphData()
        self.layout_pending = False
        self._layout_job: workers.Job | None = None
        self._layout_generation = 0
        self.refresh_pending = False
        self._refresh_generation = 0
        self._refresh_job: workers.Job | None = None

        self.plot_widget = pg.PlotWidget(viewBox=GraphViewBox(self))
        self.viewbox: GraphViewBox = self.plot_widget.getPlotItem().getViewBox()
        plot = self.plot_widget.getPlotItem()
        plot.hideAxis("left")
        plot.hideAxis("bottom")
        plot.hideButtons()
        plot.setMenuEnabled(False)
        self.edges = EdgesItem()
        self.nodes = NodesItem()
        self.labels = NodeLabelsItem()
        for item in (self.edges, self.nodes, self.labels):
            plot.addItem(item)
        self.plot_widget.scene().sigMouseClicked.connect(self._clicked)
        self.plot_widget.scene().sigMouseMoved.connect(self._hover)

        self.fold_box = QCheckBox("Fold people into their state")
        self.fold_box.toggled.connect(self.set_fold_people)
        self.window_label = QLabel("All time")
        self.window_label.setObjectName("hint")
        top = QHBoxLayout()
        top.setContentsMargins(6, 2, 6, 0)
        top.addWidget(self.fold_box)
        top.addStretch(1)
        top.addWidget(self.window_label)

        self.play_button = QPushButton()
        self.play_button.setIcon(self.style().standardIcon(QStyle.SP_MediaPlay))
        self.play_button.setToolTip("Play: move the time window through the years")
        self.play_button.setCheckable(True)
        self.play_button.toggled.connect(self._play_toggled)
        self.slider = QSlider(Qt.Horizontal)
        self.slider.setRange(0, PLAY_STEPS)
        self.slider.setToolTip("Time window shown in the graph")
        self.slider.valueChanged.connect(self._slider_moved)
        legend = QLabel("● state  ▲ person  ■ organisation  ◆ group   "
                        "<span style='color:#2e7d32'>━ cooperation</span>  "
                        "<span style='color:#c62828'>━ conflict</span>")
        legend.setObjectName("hint")
        bottom = QHBoxLayout()
        bottom.setContentsMargins(6, 0, 6, 2)
        bottom.addWidget(self.play_button)
        bottom.addWidget(self.slider, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.plot_widget, 1)
        layout.addLayout(bottom)
        layout.addWidget(legend)
        self._play_timer = QTimer(self)
        self._play_timer.setInterval(350)
        self._play_timer.timeout.connect(self._play_step)
        self.paint_pending = False  # a new graph is being drawn in turns (_draw_in_turns)
        self._turn_timer = QTimer(self)
        self._turn_timer.setSingleShot(True)
        self._turn_timer.setInterval(0)
        self._turn_timer.timeout.connect(self._next_turn)

        model.corpus_changed.connect(self.relayout)
        selection.changed.connect(self._selection_changed)
        selection.window_changed.connect(lambda _w: self.refresh())

    # -- layout (off the GUI thread) -------------------------------------------------------------
    def relayout(self) -> None:
        """Lay out the all-time graph once per corpus, so every window reuses its positions.

        The worker also builds the corpus's window index, after which every window's graph
        is computed in a few milliseconds on the GUI thread. Neither needs networkx.
        """
        corpus, fold, previous = self.model.corpus, self.fold_people, dict(self.positions)
        self._layout_generation += 1
        generation = self._layout_generation
        self.layout_pending = True

        def compute():
            whole = window_index(corpus, fold).window(None)
            edges = np.stack([whole.src, whole.tgt], axis=1)
            return generation, layout_arrays(whole.ids, edges, previous)

        job = workers.Job(compute, takes_progress=False)
        job.signals.finished.connect(lambda result: later(lambda: self._layout_done(result), self))
        job.signals.failed.connect(lambda _msg: self._layout_failed(generation))
        self._layout_job = job
        workers.start(job)

    def _layout_failed(self, generation: int) -> None:
        if generation == self._layout_generation:
            self.layout_pending = False
            self.refresh()  # the window's graph, which refresh left to the layout

    def _layout_done(self, result) -> None:
        generation, positions = result
        if generation != self._layout_generation:
            return
        self.positions.update(positions)
        self.layout_pending = False
        self.refresh(then=self.fit)

    # -- window graph -------------------------------------------------------------------------
    def refresh(self, then=None) -> None:
        """Rebuild the drawn graph for the current window; no layout, positions are reused.

        With the corpus's window index built (by the layout job) this takes milliseconds and
        runs here; until then the index and the graph are built on a worker thread. The
        newest request wins.
        """
        window, corpus, fold = self.selection.window, self.model.corpus, self.fold_people
        if window:
            self.window_label.setText(f"{window[0].isoformat()} – {window[1].isoformat()}")
        else:
            self.window_label.setText("All time")
        self._refresh_generation += 1
        generation = self._refresh_generation
        index = window_index(corpus, fold, build=len(corpus.events) < ASYNC_EVENTS)
        if index is not None:
            self._graph_ready(generation, then, index.window(window))
            return
        if self.layout_pending:
            # The layout job is building this very index, and refreshes with the window of
            # its time when done: a second job would build it twice, beside the first.
            self.refresh_pending = False
            return

        def compute():
            return window_index(corpus, fold).window(window)

        self.refresh_pending = True
        job = workers.Job(compute, takes_progress=False)
        job.signals.finished.connect(lambda g: self._graph_ready(generation, then, g))
        job.signals.failed.connect(lambda _m: setattr(self, "refresh_pending", False))
        self._refresh_job = job
        workers.start(job)

    def _graph_ready(self, generation: int, then, graph: WindowGraph) -> None:
        if generation != self._refresh_generation:
            return
        self.refresh_pending = False
        self.set_window_graph(graph)
        if then is not None:
            then()

    @property
    def graph(self):
        """The shown window's graph as a networkx DiGraph (edges carry EdgeData as "data").

        Built on first use only: drawing needs just the arrays.
        """
        if self._graph is None and self._window_graph is not None:
            from timeline_app.graph import actor_graph

            wg = self._window_graph
            self._graph = actor_graph(wg.index.corpus, wg.window,
                                      fold_people=wg.index.fold_people)
        return self._graph

    @property
    def busy(self) -> bool:
        return self.layout_pending or self.refresh_pending or self.paint_pending

    def set_graph(self, graph) -> None:
        """Show a networkx actor graph (as built by graph.actor_graph)."""
        nodes = [n for n in graph.nodes if n in self.positions]
        index = {n: i for i, n in enumerate(nodes)}
        edges = [(u, v, d["data"]) for u, v, d in graph.edges(data=True)
                 if u in index and v in index]
        self._graph, self._window_graph = graph, None
        self._show(
            nodes, [graph.nodes[n].get("name", n) for n in nodes],
            [graph.nodes[n].get("kind", "other") for n in nodes],
            np.array([graph.nodes[n].get("count", 0) for n in nodes], float),
            np.array([index[u] for u, _, _ in edges], np.int64),
            np.array([index[v] for _, v, _ in edges], np.int64),
            np.array([e.polarity for _, _, e in edges], float),
            np.array([e.evidence for _, _, e in edges], float),
            [e.dominant_type for _, _, e in edges], np.arange(len(edges)))

    def set_window_graph(self, wg: WindowGraph) -> None:
        """Show a window's graph given as arrays (graph.build.WindowIndex.window)."""
        ix = wg.index
        ids = wg.ids
        shown = np.array([n in self.positions for n in ids], bool).reshape(-1)
        position = np.cumsum(shown) - 1
        keep = shown[wg.src] & shown[wg.tgt] if len(wg.src) else np.zeros(0, bool)
        nodes = wg.nodes[shown].tolist()
        self._graph, self._window_graph = None, wg
        self._show(
            [ix.actor_ids[i] for i in nodes], [ix.names[i] for i in nodes],
            [ix.kinds[i] for i in nodes], wg.counts[shown].astype(float),
            position[wg.src[keep]], position[wg.tgt[keep]], wg.polarity[keep],
            wg.evidence[keep].astype(float), [wg.dominant[k] for k in np.flatnonzero(keep)],
            np.flatnonzero(keep))

    def _show(self, ids, names, kinds, counts, src, tgt, polarity, evidence, labels,
              edge_ref) -> None:
        data = GraphData()
        data.ids, data.names, data.kinds = list(ids), list(names), list(kinds)
        data.pos = np.array([self.positions[n] for n in data.ids], float).reshape(-1, 2)
        data.counts = counts
        # Whole pixels: one cached symbol per (shape, size, colour).
        data.size = np.round(9 + 19 * np.sqrt(counts / counts.max())) \
            if len(counts) and counts.max() else np.full(len(data.ids), 12.0)
        data.src, data.tgt = np.asarray(src, np.int64), np.asarray(tgt, np.int64)
        data.polarity, data.evidence = np.asarray(polarity, float), np.asarray(evidence, float)
        data.labels = list(labels)
        data.edge_ref = np.asarray(edge_ref, np.int64)
        code = data.src * max(1, len(data.ids)) + data.tgt
        reverse = data.tgt * max(1, len(data.ids)) + data.src
        data.bidirectional = np.isin(reverse, code)
        if _same_drawing(self.data, data):
            # A window change that changes nothing drawn (a window over every event, as
            # after "fit all") keeps the rendered graph instead of rendering it afresh.
            self.data.edge_ref = data.edge_ref  # numbered in the new window's graph
            return
        self.data = data
        self._draw()
        if any(self.viewbox.autoRangeEnabled()):
            # Until the first fit, the view follows the data. Ranged (and its transform set)
            # now rather than while painting, the frame is drawn once, at its final zoom:
            # no second paint, no stretched preview and no render when that "zoom" settles.
            self.viewbox.updateAutoRange()
            self.viewbox.updateMatrix()
        self._draw_in_turns()

    def _draw_in_turns(self) -> None:
        """Show new graph data over three turns of the event loop instead of one.

        This turn sets the data; the next renders the edges into their cached image (the
        costly part: thousands of antialiased lines); the one after paints, blitting that
        image under the nodes and labels. Until then the view keeps its previous frame. The
        window answers between the turns, each a third of what it was.
        """
        if not self.plot_widget.isVisible():
            return  # painted when shown
        self.plot_widget.setUpdatesEnabled(False)
        self.paint_pending = True
        self._edges_rendered = False
        self._turn_timer.start()

    def _next_turn(self) -> None:
        if not self._edges_rendered:
            self._edges_rendered = True
            self.viewbox.prepareForPaint()  # the range and transform the paint will use
            self.edges.render_ahead(self.plot_widget)
            self._turn_timer.start()
            return
        self.paint_pending = False
        self.plot_widget.setUpdatesEnabled(True)  # repaints the whole view

    def _draw(self) -> None:
        d, theme = self.data, self.theme
        selected = set(self.selection.actor_ids)
        index = {n: i for i, n in enumerate(d.ids)}
        sel_nodes = {index[a] for a in selected if a in index}
        outline, selected_outline = theme.colour("background"), theme.colour("selection")
        fills: dict[tuple[str, bool], QColor] = {}
        styles = []
        for i, kind in enumerate(d.kinds):
            faded = bool(sel_nodes) and i not in sel_nodes
            fill = fills.get((kind, faded))
            if fill is None:
                fill = kind_colour(kind)
                if faded:
                    fill = _blend(fill, QColor(theme.background), 0.45)
                fills[(kind, faded)] = fill
            styles.append((kind_symbol(kind), fill,
                           selected_outline if i in sel_nodes else outline,
                           3.5 if i in sel_nodes else 1.5))
        self.nodes.set_nodes(d.pos, d.size, styles)
        self.edges.theme = self.labels.theme = theme
        self.edges.selected_edges = set()
        if self.selection.edge:
            a, b = self.selection.edge
            for k in range(len(d.src)):
                if {d.ids[d.src[k]], d.ids[d.tgt[k]]} == {a, b} and (
                        self.selection.kind != EVENT
                        or (d.ids[d.src[k]], d.ids[d.tgt[k]]) == (a, b)):
                    self.edges.selected_edges.add(k)
        self.edges.faded = bool(sel_nodes)
        self.labels.selected = sel_nodes
        self.edges.set_data(d)
        self.labels.set_data(d)

    def fit(self) -> None:
        if len(self.data.pos):
            self.viewbox.autoRange(padding=0.12)

    def move_node(self, index: int, x: float, y: float) -> None:
        self.positions[self.data.ids[index]] = (x, y)
        self.data.pos[index] = (x, y)
        self._draw()

    def set_fold_people(self, fold: bool) -> None:
        if fold == self.fold_people:
            return
        self.fold_people = fold
        if self.fold_box.isChecked() != fold:
            self.fold_box.setChecked(fold)
        self.relayout()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.plot_widget.setBackground(theme.background)
        self._draw()

    # -- selection ----------------------------------------------------------------------------
    def _selection_changed(self) -> None:
        self._draw()

    def edge_ids(self) -> list[tuple[str, str, str]]:
        """(source, target, dominant type) of every drawn edge."""
        d = self.data
        return [(d.ids[s], d.ids[t], d.labels[k]) for k, (s, t) in enumerate(zip(d.src, d.tgt,
                                                                                strict=True))]

    def highlighted(self) -> tuple[set[str], list[tuple[str, str]]]:
        d = self.data
        nodes = {d.ids[i] for i in self.labels.selected}
        edges = [(d.ids[d.src[k]], d.ids[d.tgt[k]]) for k in self.edges.selected_edges]
        return nodes, edges

    def node_at(self, scene_pos) -> int | None:
        d = self.data
        if not len(d.ids):
            return None
        p = self.viewbox.mapSceneToView(scene_pos)
        px_w, px_h = self.viewbox.viewPixelSize()
        dx = (d.pos[:, 0] - p.x()) / px_w
        dy = (d.pos[:, 1] - p.y()) / px_h
        dist = np.hypot(dx, dy) - d.size / 2
        best = int(np.argmin(dist))
        return best if dist[best] <= 3 else None

    def edge_at(self, scene_pos) -> int | None:
        d = self.data
        if not len(d.src):
            return None
        p = self.viewbox.mapSceneToView(scene_pos)
        scale = np.array(self.viewbox.viewPixelSize())
        q = np.array([p.x(), p.y()]) / scale
        a, b = d.pos[d.src] / scale, d.pos[d.tgt] / scale
        ab = b - a
        t = np.clip(((q - a) * ab).sum(1) / np.maximum((ab * ab).sum(1), 1e-9), 0, 1)
        dist = np.hypot(*(a + ab * t[:, None] - q).T)
        best = int(np.argmin(dist))
        return best if dist[best] <= 6 else None

    def describe_node(self, index: int) -> str:
        d = self.data
        actor_id = d.ids[index]
        actor = self.model.corpus.actor(actor_id)
        parent = self.model.corpus.actor(actor.parent) if actor and actor.parent else None
        count = int(d.counts[index]) if len(d.counts) > index else 0
        lines = [f"<b>{_esc(d.names[index])}</b> — {d.kinds[index]}"
                 + (f" of {_esc(parent.name)}" if parent else ""),
                 f"{count} events in view"]
        if actor and actor.aliases:
            lines.append("also: " + _esc(", ".join(actor.aliases[:6])))
        return "<br>".join(lines)

    def edge_data(self, k: int):
        """The EdgeData of drawn edge k: its relations and evidence per type."""
        d = self.data
        if self._window_graph is not None:
            return self._window_graph.edge_data(int(d.edge_ref[k]))
        u, v = d.ids[d.src[k]], d.ids[d.tgt[k]]
        graph = self._graph
        return graph.edges[u, v]["data"] if graph is not None and graph.has_edge(u, v) else None

    def describe_edge(self, k: int) -> str:
        d = self.data
        data = self.edge_data(k)
        head = f"<b>{_esc(d.names[d.src[k]])} → {_esc(d.names[d.tgt[k]])}</b>"
        if data is None:
            return head
        kinds = ", ".join(f"{t.replace('_', ' ')} ×{n}" for t, n in data.types.most_common())
        tone = "cooperation" if data.polarity > 0.05 else (
            "conflict" if data.polarity < -0.05 else "neutral")
        return (f"{head}<br>{kinds}<br>{tone} ({data.polarity:+.2f}), "
                f"{data.evidence} event(s) · click to see their history")

    def _hover(self, scene_pos) -> None:
        node = self.node_at(scene_pos)
        text = None
        if node is not None:
            text = self.describe_node(node)
        else:
            edge = self.edge_at(scene_pos)
            if edge is not None:
                text = self.describe_edge(edge)
        if text is None:
            QToolTip.hideText()
            return
        view = self.plot_widget
        QToolTip.showText(view.mapToGlobal(view.mapFromScene(scene_pos)), text, view)

    def scene_pos_of_node(self, actor_id: str):
        i = self.data.ids.index(actor_id)
        return self.viewbox.mapViewToScene(QPointF(*self.data.pos[i]))

    def _clicked(self, ev) -> None:
        if ev.button() == Qt.RightButton:
            node = self.node_at(ev.scenePos())
            if node is not None:
                self.selection.select_actor(self.data.ids[node])
            ev.accept()
            self.context_requested.emit(ev.screenPos().toPoint())
            return
        if ev.button() != Qt.LeftButton:
            return
        node = self.node_at(ev.scenePos())
        if node is not None:
            self.selection.select_actor(self.data.ids[node])
            return
        edge = self.edge_at(ev.scenePos())
        if edge is not None:
            d = self.data
            self.selection.select_edge(d.ids[d.src[edge]], d.ids[d.tgt[edge]])
            return
        self.selection.clear()

    # -- time slider --------------------------------------------------------------------------
    def _play_span(self) -> tuple[date, date, timedelta] | None:
        bounds = self.model.date_range()
        if bounds is None:
            return None
        lo, hi = bounds
        total = max((hi - lo).days, 1)
        width = timedelta(days=max(30, total // 6))
        return lo, hi, width

    def _slider_moved(self, value: int) -> None:
        span = self._play_span()
        if span is None:
            return
        lo, hi, width = span
        start = lo + timedelta(days=round(((hi - lo) - width).days * value / PLAY_STEPS))
        start = max(lo, start)
        self.selection.set_window((start, min(hi, start + width)))

    def _play_toggled(self, playing: bool) -> None:
        icon = QStyle.SP_MediaPause if playing else QStyle.SP_MediaPlay
        self.play_button.setIcon(self.style().standardIcon(icon))
        if playing:
            if self.slider.value() >= PLAY_STEPS:
                self.slider.setValue(0)
            self._play_timer.start()
        else:
            self._play_timer.stop()

    def _play_step(self) -> None:
        if self.slider.value() >= PLAY_STEPS:
            self.play_button.setChecked(False)
            return
        self.slider.setValue(self.slider.value() + 1)

    def render_image(self, path: str, width: int | None = None, height: int | None = None) -> None:
        """Write what the graph shows as PNG, SVG or PDF (chosen by the file suffix)."""
        render_widget(self.plot_widget, path, width, height, self.theme.background)


def _same_drawing(a: GraphData, b: GraphData) -> bool:
    """Whether two graphs look alike: the same nodes, places, sizes, edges and labels."""
    if a.ids != b.ids or a.names != b.names or a.kinds != b.kinds or a.labels != b.labels:
        return False
    return all(np.array_equal(x, y) for x, y in (
        (a.pos, b.pos), (a.size, b.size), (a.counts, b.counts), (a.src, b.src),
        (a.tgt, b.tgt), (a.polarity, b.polarity), (a.evidence, b.evidence),
        (a.bidirectional, b.bidirectional)))


def _blend(a: QColor, b: QColor, t: float) -> QColor:
    """Opaque mix of two colours (semi-transparent symbols render badly in pyqtgraph's atlas)."""
    return QColor(round(a.red() + (b.red() - a.red()) * t),
                  round(a.green() + (b.green() - a.green()) * t),
                  round(a.blue() + (b.blue() - a.blue()) * t))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
