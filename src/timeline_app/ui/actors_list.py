"""Actors with their event counts; picking one selects it everywhere."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from itertools import chain
from operator import attrgetter

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QListWidget, QListWidgetItem, QMenu, QVBoxLayout, QWidget

from timeline_app.domain import Event
from timeline_app.ui.corpus_model import CorpusModel, connect_refill
from timeline_app.ui.selection import ACTOR, SelectionModel

ID_ROLE = Qt.UserRole + 1


class ActorsList(QWidget):
    rename_requested = Signal(str)
    merge_requested = Signal(str)

    def __init__(self, model: CorpusModel, selection: SelectionModel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.selection = model, selection
        self.filter = QLineEdit(placeholderText="Filter actors…")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget()
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.itemClicked.connect(self._clicked)
        self.list.setContextMenuPolicy(Qt.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        connect_refill(model, self.reload)
        selection.changed.connect(self._selection_changed)

    def reload(self) -> None:
        corpus = self.model.corpus
        counts = event_counts(corpus.events)
        self.list.clear()
        muted = self.palette().color(QPalette.Disabled, QPalette.Text)
        for actor in sorted(corpus.actors, key=lambda a: (-counts.get(a.id, 0), a.name)):
            n = counts.get(actor.id, 0)
            item = QListWidgetItem(f"{actor.name}  ({n})")
            item.setData(ID_ROLE, actor.id)
            parent = corpus.actor(actor.parent) if actor.parent else None
            tip = f"{actor.kind}" + (f" · {parent.name}" if parent else "")
            if actor.aliases:
                tip += f"\nalso: {', '.join(actor.aliases)}"
            if not n:
                # Named in the text (or the state of someone who is) but in no event.
                item.setForeground(muted)
                tip += "\nmentioned, in no event"
            item.setToolTip(tip)
            self.list.addItem(item)
        self._apply_filter(self.filter.text())

    def _apply_filter(self, text: str) -> None:
        text = text.lower()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(bool(text) and text not in item.text().lower())

    def _clicked(self, item: QListWidgetItem) -> None:
        self.selection.select_actor(item.data(ID_ROLE))

    def _selection_changed(self) -> None:
        sel = self.selection
        if sel.kind != ACTOR:
            self.list.clearSelection()
            return
        for i in range(self.list.count()):
            item = self.list.item(i)
            if item.data(ID_ROLE) == sel.actor_ids[0]:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)

    def _menu(self, pos) -> None:
        item = self.list.itemAt(pos)
        if item is None:
            return
        actor_id = item.data(ID_ROLE)
        menu = QMenu(self)
        menu.addAction("Rename…", lambda: self.rename_requested.emit(actor_id))
        menu.addAction("Merge into…", lambda: self.merge_requested.emit(actor_id))
        menu.exec(self.list.mapToGlobal(pos))


def event_counts(events: Iterable[Event]) -> Counter:
    """Events per actor id (an event counts once for each actor it names).

    Counted without a Python loop per event (the list refills in the window's thread, and
    a large corpus has tens of thousands of events); the same counts as
    graph.metrics.event_counts.
    """
    return Counter(chain.from_iterable(map(set, map(attrgetter("actors"), events))))
