"""All events as a sortable, filterable table (model + proxy).

Sorting and filtering are done in Python over cached row values, once per change, rather than
by QSortFilterProxyModel calling `data()` for every comparison: with 15,000 events the proxy's
own sort makes ~400,000 Python calls (seconds of frozen window), this makes one pass. The proxy
filters through Qt's own test of a role against a fixed string, so an unfiltered table (the
usual case while files load) costs no Python call per row at all.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from timeline_app.domain import Event
from timeline_app.ui.corpus_model import CorpusModel, connect_refill
from timeline_app.ui.selection import ACTOR, EDGE, EVENT, SelectionModel

COLUMNS = ("Start", "End", "Type", "Source", "Target", "Summary", "Time text", "Article")
EVENT_ID_ROLE = Qt.UserRole + 1
SHOWN_ROLE = Qt.UserRole + 2  # "1" for rows the filter keeps (asked only while filtering)


class EventsTableModel(QAbstractTableModel):
    """Rows are the corpus's events; display strings are computed once per row, on demand."""

    sorted_ = Signal()

    def __init__(self, model: CorpusModel) -> None:
        super().__init__()
        self.model = model
        self.events: list[Event] = []
        self._cells: list[tuple[str, ...] | None] = []
        self._haystack: list[str] | None = None
        self.mask: list[bool] | None = None  # rows kept by the filter; None keeps all
        self.filter_rows: Callable[[], list[bool] | None] = lambda: None
        self.sort_column, self.sort_order = 0, Qt.AscendingOrder
        connect_refill(model, self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self.events = self._sorted(list(self.model.corpus.events))
        self._cells = [None] * len(self.events)
        self._haystack = None
        self.mask = self.filter_rows()  # before the reset ends: the proxy filters then
        self.endResetModel()

    # -- cached values ------------------------------------------------------------------------
    def cells(self, row: int) -> tuple[str, ...]:
        cached = self._cells[row]
        if cached is None:
            cached = self._cells[row] = self._display(self.events[row])
        return cached

    def haystack(self) -> list[str]:
        """Every row's text in lower case, for the find box."""
        if self._haystack is None:
            self._haystack = [" ".join(self.cells(r)).lower() for r in range(len(self.events))]
        return self._haystack

    def _display(self, ev: Event) -> tuple[str, ...]:
        corpus = self.model.corpus

        def name(aid):
            a = corpus.actor(aid) if aid else None
            return a.name if a else (aid or "")

        start = ev.time.start.isoformat() if ev.time.start else "undated"
        end = ev.time.end.isoformat() if ev.time.end else ""
        end += (" →" if ev.time.open_end else "") + (" ~" if ev.time.approximate else "")
        article = corpus.article(ev.article)
        return (
            start, end, ev.type.replace("_", " "),
            ", ".join(name(a) for a in (ev.source, *ev.co_sources) if a), name(ev.target),
            ev.summary, ev.time_text, article.title if article else ev.article,
        )

    # -- sorting ------------------------------------------------------------------------------
    def _sorted(self, events: list[Event]) -> list[Event]:
        column = self.sort_column
        reverse = self.sort_order == Qt.DescendingOrder
        if column in (0, 1, 2):
            # Stable sorts with C-level keys (by id, then by the column): a Python key function
            # per row made this the longest stall of the window while files load.
            events.sort(key=attrgetter("id"), reverse=reverse)
            if column == 2:
                events.sort(key=attrgetter("type"), reverse=reverse)
                return events
            field = "time.start" if column == 0 else "time.end"
            dated = [ev for ev in events if (ev.time.start if column == 0 else ev.time.end)]
            undated = [ev for ev in events if not (ev.time.start if column == 0 else ev.time.end)]
            dated.sort(key=attrgetter(field), reverse=reverse)
            return undated + dated if reverse else dated + undated  # undated sort as the latest
        else:
            texts = {ev.id: self._display(ev)[column].lower() for ev in events}

            def key(ev: Event) -> tuple:
                return texts[ev.id], ev.id
        return sorted(events, key=key, reverse=self.sort_order == Qt.DescendingOrder)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        if column < 0:
            return
        self.sort_column, self.sort_order = column, order
        self.reload()
        self.sorted_.emit()

    # -- Qt model API -------------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt API
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008 - Qt API
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return COLUMNS[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = index.row()
        if role == Qt.DisplayRole:
            return self.cells(row)[index.column()]
        if role == EVENT_ID_ROLE:
            return self.events[row].id
        if role == SHOWN_ROLE:
            mask = self.mask
            return "1" if mask is None or row >= len(mask) or mask[row] else "0"
        if role == Qt.ToolTipRole:
            return self.events[row].sentence
        return None


class EventsFilterProxy(QSortFilterProxyModel):
    """The find box's text plus the shared selection's actor or edge filter, as a row mask.

    The mask is computed by the source model in one pass; the proxy only compares
    `SHOWN_ROLE` with "1", and with no filter set it compares nothing (Qt's own fast path).
    The proxy never sorts itself: `sort` goes to the source model, which orders its rows
    in one Python sort.
    """

    def __init__(self, source: EventsTableModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)
        self.setFilterRole(SHOWN_ROLE)
        self.setFilterKeyColumn(0)
        self.text = ""
        self.actor: str | None = None
        self.pair: set[str] | None = None
        self.fold = None
        source.filter_rows = self._mask

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_text(self, text: str) -> None:
        self._update(text=text.strip().lower())

    def set_actor_filter(self, actor: str | None, pair: set[str] | None = None, fold=None) -> None:
        self._update(actor=actor, pair=pair, fold=fold)

    def _update(self, **changes) -> None:
        for name, value in changes.items():
            setattr(self, name, value)
        source: EventsTableModel = self.sourceModel()
        source.mask = self._mask()
        pattern = "" if source.mask is None else "1"
        if pattern != self.filterRegularExpression().pattern():
            self.setFilterFixedString(pattern)  # refilters
        elif pattern:
            self.invalidate()  # same test, new mask

    def _mask(self) -> list[bool] | None:
        """Which source rows the current filters keep; None when no filter is set."""
        source: EventsTableModel = self.sourceModel()
        if not (self.text or self.actor or self.pair):
            return None
        fold = self.fold or (lambda a: a)
        haystack = source.haystack() if self.text else None
        mask = []
        for row, ev in enumerate(source.events):
            ok = True
            if self.actor and self.actor not in {fold(a) for a in ev.actors}:
                ok = False
            elif self.pair:
                srcs = {fold(s) for s in (ev.source, *ev.co_sources) if s}
                ok = bool(ev.target) and any({s, fold(ev.target)} == self.pair for s in srcs)
            if ok and haystack is not None:
                ok = self.text in haystack[row]
            mask.append(ok)
        return mask


class EventsTable(QWidget):
    """Every event, sortable and filterable; follows and drives the shared selection."""

    context_requested = Signal(object)  # QPoint, global

    def __init__(self, model: CorpusModel, selection: SelectionModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.selection = model, selection
        self.table_model = EventsTableModel(model)
        self.proxy = EventsFilterProxy(self.table_model)
        self.find = QLineEdit(placeholderText="Find events (type, actor, words)…  Ctrl+F")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self.proxy.set_text)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicator(0, Qt.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.Fixed)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((88, 96, 110, 120, 120, 220, 120)):
            self.view.setColumnWidth(col, width)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._menu_requested)
        self.table_model.sorted_.connect(self._selection_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.find)
        layout.addWidget(self.view, 1)
        selection.changed.connect(self._selection_changed)
        model.corpus_changed.connect(self._selection_changed)
        self._syncing = False

    def _menu_requested(self, pos) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
        self.context_requested.emit(self.view.viewport().mapToGlobal(pos))

    def _row_changed(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        event_id = self.proxy.data(current, EVENT_ID_ROLE)
        self._syncing = True
        try:
            self.selection.select_event(event_id, self.model.corpus)
        finally:
            self._syncing = False

    def _selection_changed(self) -> None:
        sel = self.selection
        if sel.kind == ACTOR:
            self.proxy.set_actor_filter(sel.actor_ids[0], None)
        elif sel.kind == EDGE and sel.edge:
            self.proxy.set_actor_filter(None, set(sel.edge))
        elif sel.kind is None and (self.proxy.actor or self.proxy.pair):
            self.proxy.set_actor_filter(None, None)
        if sel.kind == EVENT and not self._syncing:
            events = self.table_model.events
            row = next((r for r, ev in enumerate(events) if ev.id == sel.event_id), None)
            if row is None:
                return
            index = self.proxy.mapFromSource(self.table_model.index(row, 0))
            if index.isValid():
                self._syncing = True
                self.view.selectRow(index.row())
                self.view.scrollTo(index)
                self._syncing = False

    def visible_event_ids(self) -> list[str]:
        return [self.proxy.data(self.proxy.index(r, 0), EVENT_ID_ROLE)
                for r in range(self.proxy.rowCount())]
