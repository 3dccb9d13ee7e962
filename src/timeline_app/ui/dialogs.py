"""Small dialogs for edits: each returns a domain edit, or None when cancelled."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from timeline_app.domain import Corpus
from timeline_app.domain.edits import (
    ChangeEventActors,
    ChangeEventTime,
    ChangeEventType,
    MergeActors,
    RenameActor,
    SetPublished,
)
from timeline_app.domain.timespan import DAY, TimeSpan

RELATION_TYPES = (
    "alliance", "arms_supply", "veto_support", "distancing", "criticism", "condemnation",
    "accusation", "threat", "sanctions", "military_action", "evacuation", "humanitarian_aid",
    "support", "agreement", "negotiation", "meeting", "statement",
)


class DateDialog(QDialog):
    def __init__(self, title: str, prompt: str, initial: date | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        if initial:
            self.calendar.setSelectedDate(QDate(initial.year, initial.month, initial.day))
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.calendar)
        layout.addWidget(buttons)

    def date(self) -> date:
        d = self.calendar.selectedDate()
        return date(d.year(), d.month(), d.day())


def ask_published(parent: QWidget, corpus: Corpus, article_id: str) -> SetPublished | None:
    article = corpus.article(article_id)
    name = article.title or article.path if article else article_id
    dialog = DateDialog("Set publication date",
                        f"When was “{name}” published? Its relative dates (“last month”, "
                        "“on Tuesday”) are read from this day.", date.today(), parent)
    if dialog.exec() != QDialog.Accepted:
        return None
    return SetPublished(article_id, dialog.date())


def ask_rename(parent: QWidget, corpus: Corpus, actor_id: str) -> RenameActor | None:
    actor = corpus.actor(actor_id)
    if actor is None:
        return None
    name, ok = QInputDialog.getText(parent, "Rename actor", "New name:", text=actor.name)
    if not ok or not name.strip() or name.strip() == actor.name:
        return None
    return RenameActor(actor_id, name.strip())


def ask_merge(parent: QWidget, corpus: Corpus, actor_id: str) -> MergeActors | None:
    actor = corpus.actor(actor_id)
    others = sorted((a for a in corpus.actors if a.id != actor_id), key=lambda a: a.name)
    if actor is None or not others:
        return None
    names = [f"{a.name} ({a.id})" for a in others]
    choice, ok = QInputDialog.getItem(parent, "Merge actors",
                                      f"Merge “{actor.name}” into:", names, 0, False)
    if not ok:
        return None
    return MergeActors(keep=others[names.index(choice)].id, drop=actor_id)


def ask_event_type(parent: QWidget, corpus: Corpus, event_id: str) -> ChangeEventType | None:
    ev = corpus.event(event_id)
    if ev is None:
        return None
    types = list(RELATION_TYPES)
    current = types.index(ev.type) if ev.type in types else 0
    choice, ok = QInputDialog.getItem(parent, "Change event type", "Type:", types, current, False)
    if not ok or choice == ev.type:
        return None
    return ChangeEventType(event_id, choice)


def parse_time(text: str) -> TimeSpan | None:
    """'2012-12-03' or '2012-12-03..2013-01-22' (inclusive) as a TimeSpan; None if unreadable."""
    parts = [p.strip() for p in text.replace("–", "..").split("..") if p.strip()]
    try:
        days = [date.fromisoformat(p) for p in parts]
    except ValueError:
        return None
    if len(days) == 1:
        return TimeSpan(days[0].isoformat(), DAY, days[0], days[0])
    if len(days) == 2 and days[0] <= days[1]:
        return TimeSpan(f"{days[0].isoformat()}/{days[1].isoformat()}", "duration",
                        days[0], days[1])
    return None


def ask_event_time(parent: QWidget, corpus: Corpus, event_id: str) -> ChangeEventTime | None:
    ev = corpus.event(event_id)
    if ev is None:
        return None
    current = ""
    if ev.time.start:
        current = ev.time.start.isoformat()
        if ev.time.end and ev.time.end != ev.time.start:
            current += f"..{ev.time.end.isoformat()}"
    text, ok = QInputDialog.getText(parent, "Change event time",
                                    "Day (YYYY-MM-DD) or range (YYYY-MM-DD..YYYY-MM-DD):",
                                    text=current)
    span = parse_time(text) if ok else None
    if span is None:
        return None
    return ChangeEventTime(event_id, span, text.strip())


def ask_event_actors(parent: QWidget, corpus: Corpus, event_id: str) -> ChangeEventActors | None:
    ev = corpus.event(event_id)
    if ev is None:
        return None
    names = ["(none)", *sorted(a.name for a in corpus.actors)]
    by_name = {a.name: a.id for a in corpus.actors}

    def current(aid):
        a = corpus.actor(aid) if aid else None
        return names.index(a.name) if a and a.name in names else 0

    src, ok = QInputDialog.getItem(parent, "Change event actors", "Who acts (source):", names,
                                   current(ev.source), False)
    if not ok:
        return None
    tgt, ok = QInputDialog.getItem(parent, "Change event actors", "Toward whom (target):",
                                   names, current(ev.target), False)
    if not ok:
        return None
    source, target = by_name.get(src), by_name.get(tgt)
    actors = tuple(a for a in dict.fromkeys((source, target)) if a)
    return ChangeEventActors(event_id, actors, source, target)


def ask_unsaved(parent: QWidget, project_path: str | None) -> str:
    """"save", "discard" or "cancel" for work that is not saved yet.

    Without a screen (offscreen runs: tests, --screenshot, --self-test) nobody can answer, so
    the work is discarded rather than blocking forever on an invisible dialog.
    """
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    if QGuiApplication.platformName() in ("offscreen", "minimal"):
        return "discard"
    name = project_path or "this session"
    box = QMessageBox(QMessageBox.Warning, "Unsaved changes",
                      f"Save the articles and corrections of {name} before closing?",
                      QMessageBox.Save | QMessageBox.Discard | QMessageBox.Cancel, parent)
    box.setInformativeText("Your corrections are lost if you don't save them.")
    box.setDefaultButton(QMessageBox.Save)
    box.exec()
    answer = box.standardButton(box.clickedButton())
    if answer == QMessageBox.Save:
        return "save"
    return "discard" if answer == QMessageBox.Discard else "cancel"


def warn(parent: QWidget, title: str, text: str) -> None:
    """A warning box; offscreen (tests, --screenshot) there is nobody to dismiss it."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QMessageBox

    if QGuiApplication.platformName() not in ("offscreen", "minimal"):
        QMessageBox.warning(parent, title, text)
