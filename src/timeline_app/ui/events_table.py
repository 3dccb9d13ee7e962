"""All events as a sortable, filterable table (model + proxy).

Sorting and filtering are done in Python over cached row values, once per change, rather than
by QSortFilterProxyModel calling `data()` for every comparison: with 15,000 events the proxy's
own sort makes ~400,000 Python calls (seconds of frozen window), this makes one pass.
"""

from __future__ import annotations

from datetime import date

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


class EventsTableModel(QAbstractTableModel):
    """Rows are the corpus's events; display strings are computed once per row, on demand."""

    sorted_ = Signal()

    def __init__(self, model: CorpusModel) -> None:
        super().__init__()
        self.model = model
        self.events: list[Event] = []
        self._cells: list[tuple[str, ...] | None] = []
        self._haystack: list[str] | None = None
        self.sort_column, self.sort_order = 0, Qt.AscendingOrder
        connect_refill(model, self.reload)

    def reload(self) -> None:
        self.beginResetModel()
        self.events = self._sorted(list(self.model.corpus.events))
        self._cells = [None] * len(self.events)
        self._haystack = None
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
        if column in (0, 1):
            def key(ev: Event) -> tuple:
                d = ev.time.start if column == 0 else ev.time.end
                return (d or date.max).toordinal(), ev.id
        elif column == 2:
            def key(ev: Event) -> tuple:
                return ev.type, ev.id
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
        if role == Qt.ToolTipRole:
            return self.events[row].sentence
        return None


class EventsFilterProxy(QSortFilterProxyModel):
    """The find box's text plus the shared selection's actor or edge filter, as a row mask.

    The proxy never sorts itself: `sort` goes to the source model, which orders its rows
    in one Python sort.
    """

    def __init__(self, source: EventsTableModel) -> None:
        super().__init__()
        self.setSourceModel(source)
        self.setDynamicSortFilter(False)
        self.text = ""
        self.actor: str | None = None
        self.pair: set[str] | None = None
        self.fold = None
        self._mask: list[bool] | None = None
        source.modelReset.connect(self._recompute)

    def sort(self, column: int, order=Qt.AscendingOrder) -> None:
        self.sourceModel().sort(column, order)

    def set_text(self, text: str) -> None:
        self._update(text=text.strip().lower())

    def set_actor_filter(self, actor: str | None, pair: set[str] | None = None, fold=None) -> None:
        self._update(actor=actor, pair=pair, fold=fold)

    def _update(self, **changes) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9
            self.beginFilterChange()
            self._apply(changes)
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self._apply(changes)
            self.invalidateRowsFilter()

    def _apply(self, changes: dict) -> None:
        for name, value in changes.items():
            setattr(self, name, value)
        self._recompute()

    def _recompute(self) -> None:
        source: EventsTableModel = self.sourceModel()
        if not (self.text or self.actor or self.pair):
            self._mask = None
            return
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
        self._mask = mask

    def filterAcceptsRow(self, row, parent) -> bool:
        mask = self._mask
        return True if mask is None or row >= len(mask) else mask[row]


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
