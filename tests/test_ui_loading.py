"""Loading without blocking: drops, background jobs, per-file errors, dates set by hand.

The pipeline is replaced by a small stand-in here so these run whatever state extraction is in;
test_ui_pipeline.py runs the same paths through the real pipeline.
"""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest

from ui_corpus import make_corpus

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import timeline_app.pipeline as pipeline
from timeline_app.domain import Corpus, FileError
from timeline_app.domain.edits import SetPublished
from timeline_app.domain.timespan import DAY, TimeSpan
from timeline_app.ui.app import run_gui, wait_until_idle
from timeline_app.ui.corpus_model import CorpusModel
from timeline_app.ui.main_window import MainWindow


def fake_build(paths, *, published=None, edits=(), progress=None, cancelled=None):
    """Text files become the hand-built corpus; anything else is an unreadable file."""
    calls.append((threading.current_thread() is threading.main_thread(), list(paths)))
    good = [p for p in paths if p.endswith(".txt")]
    errors = tuple(FileError(p, "not a text file this reader understands")
                   for p in paths if not p.endswith(".txt"))
    for i, p in enumerate(paths):
        if progress:
            progress(i, len(paths), p)
    base = make_corpus() if good else Corpus()
    return Corpus(base.articles, base.actors, base.events, base.relations, errors)


calls: list = []


@pytest.fixture
def window(qtbot, monkeypatch):
    calls.clear()
    monkeypatch.setattr(pipeline, "build_corpus", fake_build)
    win = MainWindow()
    qtbot.addWidget(win)
    win.show()
    return win


def send_drop(widget, paths) -> None:
    """What a file manager's drag does: enter, then drop, with file URLs."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(widget, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(widget, QDropEvent(QPointF(10, 10), Qt.CopyAction, mime,
                                              Qt.LeftButton, Qt.NoModifier))


def test_drop_on_any_panel_loads_in_the_background_and_reports_bad_files(window, tmp_path):
    good = tmp_path / "story.txt"
    good.write_text("Some story.", encoding="utf-8")
    bad = tmp_path / "image.bin"
    bad.write_bytes(bytes(range(256)))
    send_drop(window.events.view.viewport(), [good, bad])
    assert wait_until_idle(window, 30)
    assert calls and calls[0][0] is False  # extraction ran off the GUI thread
    assert len(window.timeline.rows.events) > 0
    assert window.events.proxy.rowCount() == len(make_corpus().events)
    assert any("image.bin" in e.path for e in window.model.corpus.errors)
    assert any("image.bin" in window.errors.errors.item(i).text()
               for i in range(window.errors.errors.count()))


def test_files_opened_from_the_system_file_manager_load(window, tmp_path):
    """macOS delivers Finder's "Open With" and dock drops as QFileOpenEvent."""
    from PySide6.QtGui import QFileOpenEvent

    from timeline_app.ui.app import _open_files_from_the_system

    story = tmp_path / "opened.txt"
    story.write_text("Some story.", encoding="utf-8")
    _open_files_from_the_system(QApplication.instance(), window)
    QApplication.sendEvent(QApplication.instance(), QFileOpenEvent(str(story)))
    assert wait_until_idle(window, 30)
    assert calls and calls[0][1] == [str(story)]
    assert len(window.timeline.rows.events) > 0


def test_a_failing_job_becomes_a_per_file_error_not_a_crash(window, monkeypatch, tmp_path):
    def broken(*_a, **_k):
        raise RuntimeError("reader exploded")

    monkeypatch.setattr(pipeline, "build_corpus", broken)
    window.load_paths([str(tmp_path / "x.txt")])
    assert wait_until_idle(window, 30)
    assert [e.message for e in window.model.corpus.errors] == [
        "could not be processed: RuntimeError: reader exploded"]
    assert window.center.currentWidget() is window.empty


def test_cancel_stops_the_job(window, qtbot, monkeypatch):
    started = threading.Event()

    def slow(paths, *, progress=None, cancelled=None, **_k):
        started.set()
        while not cancelled():
            threading.Event().wait(0.01)
        return Corpus()

    monkeypatch.setattr(pipeline, "build_corpus", slow)
    window.load_paths(["/nowhere/a.txt"])
    qtbot.waitUntil(started.is_set, timeout=5000)  # jobs start once the window has repainted
    assert window.is_busy() and window.cancel_button.isVisibleTo(window)
    window.cancel_button.click()
    assert wait_until_idle(window, 10)
    assert "cancelled" in window.status_label.text()


def shift_extractor(articles, *, errors=(), edits=()):
    """Stand-in extraction: events of an article dated by hand land on its publication day."""
    corpus = make_corpus()
    given = {e.article: e.published for e in edits if isinstance(e, SetPublished)}
    events = []
    for ev in corpus.events:
        if ev.article not in {a.id for a in articles}:
            continue
        day = given.get(ev.article)
        if day is not None:
            ev = replace(ev, time=TimeSpan(day.isoformat(), DAY, day, day))
        elif ev.article == "a2":
            ev = replace(ev, time=TimeSpan("", "unknown"))
        events.append(ev)
    arts = tuple(replace(a, published=given.get(a.id, a.published)) for a in articles)
    return Corpus(arts, corpus.actors, tuple(events), (), errors)


def test_setting_a_publication_date_re_extracts_that_article_and_undo_reverts(qtbot):
    model = CorpusModel(extractor=shift_extractor)
    corpus = make_corpus()
    undated = next(a for a in corpus.articles if a.published is None)
    model.set_corpus(shift_extractor(corpus.articles))
    assert [a.id for a in model.undated_articles()] == [undated.id]
    before = {e.id for e in model.corpus.events if e.article == undated.id and e.time.is_dated}
    assert not before
    day = date(2012, 11, 5)
    edit = SetPublished(undated.id, day)
    model.push_edit(edit)
    assert not model.undated_articles()
    moved = [e for e in model.corpus.events if e.article == undated.id]
    assert moved and all(e.time.start == day for e in moved)
    others = [e for e in model.corpus.events if e.article != undated.id]
    assert len(others) == sum(e.article != undated.id for e in corpus.events)
    model.pop_edit(edit)
    assert [a.id for a in model.undated_articles()] == [undated.id]
    assert not any(e.time.is_dated for e in model.corpus.events if e.article == undated.id)
    _ = timedelta


def test_screenshot_mode_writes_the_window_and_returns(tmp_path, monkeypatch):
    monkeypatch.setattr(pipeline, "build_corpus", fake_build)
    story = tmp_path / "story.txt"
    story.write_text("x", encoding="utf-8")
    out = tmp_path / "shot.png"
    assert run_gui([str(story)], screenshot=str(out), theme="dark") == 0
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() >= 800 and image.height() >= 600


def test_undated_article_banner_offers_one_click_dating(window, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("x", encoding="utf-8")
    window.load_paths([str(story)])
    assert wait_until_idle(window, 30)
    undated = window.model.undated_articles()
    assert undated  # the hand-built corpus has one article without a date
    assert window.timeline.undated_banner.isVisibleTo(window)
    asked = []
    window.timeline.set_date_requested.disconnect()
    window.timeline.set_date_requested.connect(asked.append)
    window.timeline.undated_button.click()
    assert asked == [undated[0].id]


def test_self_test_renders_the_samples(monkeypatch, capsys):
    from timeline_app.ui.app import self_test

    monkeypatch.setattr(pipeline, "build_corpus", lambda paths, **_k: make_corpus())
    assert self_test() == 0
    assert "self-test ok" in capsys.readouterr().out


def test_edits_survive_reading_the_same_files_again(window, tmp_path):
    from timeline_app.domain.edits import ChangeEventType, RenameActor

    story = tmp_path / "story.txt"
    story.write_text("x", encoding="utf-8")
    window.load_paths([str(story)])
    assert wait_until_idle(window, 30)
    victim = window.model.corpus.events[0]
    window.apply_edit(RenameActor("russia", "Russian Federation"))
    window.apply_edit(ChangeEventType(victim.id, "meeting"))
    window.load_paths([str(story)])  # re-extraction of the same article
    assert wait_until_idle(window, 30)
    assert len(calls) == 2
    assert window.model.corpus.actor("russia").name == "Russian Federation"
    assert window.model.corpus.event(victim.id).type == "meeting"
    assert len(window.model.corpus.events) == len(make_corpus().events)
