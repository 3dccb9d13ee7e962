"""The one selection every view shares: views listen to it and never to each other."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Signal

EVENT, ACTOR, EDGE = "event", "actor", "edge"


class SelectionModel(QObject):
    """What the user picked (an event, an actor or an edge) and the time window in view.

    `changed` fires after any selection change; `window_changed` when the time window moves.
    Selecting an event also names its actors and its edge so the graph can light them up.
    """

    changed = Signal()
    window_changed = Signal(object)  # tuple[date, date] | None

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind: str | None = None
        self.event_id: str | None = None
        self.actor_ids: tuple[str, ...] = ()
        self.edge: tuple[str, str] | None = None
        self.window: tuple[date, date] | None = None

    def select_event(self, event_id: str | None, corpus=None) -> None:
        ev = corpus.event(event_id) if (corpus is not None and event_id) else None
        if event_id is None:
            self.clear()
            return
        self.kind, self.event_id = EVENT, event_id
        self.actor_ids = tuple(ev.actors) if ev else ()
        self.edge = (ev.source, ev.target) if ev and ev.source and ev.target else None
        self.changed.emit()

    def select_actor(self, actor_id: str) -> None:
        self.kind, self.event_id, self.actor_ids, self.edge = ACTOR, None, (actor_id,), None
        self.changed.emit()

    def select_edge(self, source: str, target: str) -> None:
        self.kind, self.event_id = EDGE, None
        self.actor_ids, self.edge = (source, target), (source, target)
        self.changed.emit()

    def clear(self) -> None:
        if self.kind is None:
            return
        self.kind, self.event_id, self.actor_ids, self.edge = None, None, (), None
        self.changed.emit()

    def set_window(self, window: tuple[date, date] | None) -> None:
        if window == self.window:
            return
        self.window = window
        self.window_changed.emit(window)
