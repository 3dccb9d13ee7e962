"""Showing a large loaded corpus in short turns: what keeps the window answering, and that the
views end up showing the same as before.

A corpus of a few thousand events takes the paths a real load takes (rows and layout on worker
threads, deferred refills); the events are our own, spread over a few actors and years.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import date, timedelta

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtWidgets import QApplication

from timeline_app.domain import STATE, Actor, Article, Corpus, Event
from timeline_app.domain.edits import relations_from_events
from timeline_app.domain.timespan import DAY, TimeSpan
from timeline_app.graph.metrics import event_counts as graph_event_counts
from timeline_app.ui import corpus_model, workers
from timeline_app.ui.actors_list import event_counts
from timeline_app.ui.app import wait_until_idle
from timeline_app.ui.corpus_model import LARGE
from timeline_app.ui.main_window import MainWindow

NAMES = ("Norland", "Sudmark", "Ostria", "Westhaven", "Kelvara", "Drummond")
TYPES = ("negotiation", "criticism", "sanctions", "alliance")


def large_corpus(n_events: int = LARGE + 500) -> Corpus:
    """Events between six made-up states, one a day from 2001 on, a few of them undated."""
    actors = tuple(Actor(name.lower(), name, STATE) for name in NAMES)
    text = "Norland and Sudmark met to talk about the border."
    articles = (Article(id="a1", path="/tmp/a1.txt", title="Border talks", text=text,
                        published=date(2010, 1, 1)),)
    events = []
    for k in range(n_events):
        a, b = actors[k % 6].id, actors[(k // 6 + 1 + k) % 6].id
        if a == b:
            b = actors[(k + 1) % 6].id
        day = date(2001, 1, 1) + timedelta(days=k)
        time = (TimeSpan("", "", None, None) if k % 97 == 0
                else TimeSpan(day.isoformat(), DAY, day, day))
        events.append(Event(
            id=f"a1:{k}", article="a1", type=TYPES[k % 4], summary=f"{a} and {b}",
            sentence=text, span=(0, len(text)), actors=(a, b), source=a, target=b,
            polarity=0.3 if k % 2 else -0.4, time=time))
    return Corpus(articles=articles, actors=actors, events=tuple(events),
                  relations=relations_from_events(events))


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    win.ask_unsaved = lambda *_a: "discard"
    qtbot.addWidget(win)
    win.show()
    assert wait_until_idle(win, 10)
    return win


def test_the_timeline_is_laid_out_under_the_empty_message_before_any_load(window):
    assert window.center.currentWidget() is window.empty
    assert window.empty.isVisible() and window.timeline.isVisible()
    assert window.empty.geometry() == window.center.rect()  # the message covers it all
    assert window.timeline.graphics.width() > 100  # laid out already, not at the first load
    window.model.set_corpus(large_corpus(50))
    assert window.center.currentWidget() is window.timeline
    assert not window.empty.isVisible()
    window.model.set_corpus(Corpus())
    assert window.center.currentWidget() is window.empty


def test_a_large_corpus_shows_in_every_view(window, qtbot):
    corpus = large_corpus()
    window.model.set_corpus(corpus)
    assert window.is_busy()  # rows, layout and refills are still on their way
    assert wait_until_idle(window, 60)
    dated = sum(e.time.start is not None for e in corpus.events)
    assert len(window.timeline.rows.events) == dated
    assert window.timeline.graphics.updatesEnabled()  # painted, not left frozen
    assert window.events.proxy.rowCount() == len(corpus.events)
    assert window.actors.list.count() == len(NAMES)
    # The graph follows the timeline's time window, which settles shortly after the fit.
    everyone = {a.id for a in corpus.actors}
    qtbot.waitUntil(lambda: set(window.graph.data.ids) == everyone, timeout=5000)


def test_jobs_start_after_the_turn_that_asked_for_them_and_count_as_busy(qtbot):
    started = threading.Event()
    release = threading.Event()

    def work():
        started.set()
        release.wait(10)
        return "done"

    job = workers.Job(work, takes_progress=False)
    workers.start(job)
    assert workers.busy()
    assert not started.wait(0.2)  # nothing runs before the event loop has turned
    qtbot.waitUntil(started.is_set, timeout=5000)
    assert workers.busy()
    with qtbot.waitSignal(job.signals.finished, timeout=10_000):
        release.set()
    qtbot.waitUntil(lambda: not workers.busy(), timeout=5000)


def test_refills_after_a_large_corpus_wait_for_its_jobs_but_not_forever(qtbot, monkeypatch):
    ran = []
    jobs_running = [True]
    monkeypatch.setattr(workers, "busy", lambda: jobs_running[0])
    monkeypatch.setattr(corpus_model, "REFILL_HOLD_S", 0.3)
    queue = corpus_model._RefillQueue()
    queue.wait_for_jobs()
    queue.add(lambda: ran.append("first"))
    qtbot.wait(150)
    assert ran == []  # a job still runs: the refill waits
    jobs_running[0] = False
    qtbot.waitUntil(lambda: ran == ["first"], timeout=2000)
    jobs_running[0] = True
    queue.wait_for_jobs()
    queue.add(lambda: ran.append("second"))
    qtbot.waitUntil(lambda: ran == ["first", "second"], timeout=2000)  # the hold ends


def test_refills_outside_a_corpus_change_do_not_wait_for_jobs(qtbot, monkeypatch):
    ran = []
    monkeypatch.setattr(workers, "busy", lambda: True)
    queue = corpus_model._RefillQueue()
    queue.add(lambda: ran.append("lanes"))
    qtbot.waitUntil(lambda: ran == ["lanes"], timeout=500)


def test_a_window_change_that_changes_nothing_drawn_keeps_the_rendered_graph(window):
    corpus = large_corpus(200)
    window.model.set_corpus(corpus)
    assert wait_until_idle(window, 30)
    graph = window.graph
    graph.selection.set_window((date(2000, 1, 1), date(2002, 12, 31)))  # every event
    QApplication.processEvents()
    version = graph.edges._version
    ids = list(graph.data.ids)
    graph.selection.set_window((date(1999, 1, 1), date(2003, 12, 31)))  # still every event
    QApplication.processEvents()
    assert graph.edges._version == version
    assert graph.data.ids == ids
    graph.selection.set_window((date(2001, 1, 1), date(2001, 1, 20)))  # fewer events
    QApplication.processEvents()
    assert graph.edges._version > version
    assert graph.data.counts.sum() < sum(len(e.actors) for e in corpus.events)


def test_actor_counts_are_those_of_the_graph_metrics():
    corpus = large_corpus(400)
    assert event_counts(corpus.events) == graph_event_counts(corpus)
    twice = Event(id="x", article="a1", type="alliance", summary="", sentence="", span=(0, 0),
                  actors=("norland", "norland", "sudmark"), source="norland",
                  target="sudmark", polarity=0.5, time=TimeSpan("", "", None, None))
    assert event_counts([twice]) == Counter({"norland": 1, "sudmark": 1})


def test_the_undated_banner_shows_with_the_corpus_before_its_rows(window, qtbot):
    corpus = large_corpus()
    undated = Article(id="a2", path="/tmp/a2.txt", title="Undated piece", text="x",
                      published=None)
    window.model.set_corpus(Corpus((*corpus.articles, undated), corpus.actors,
                                   corpus.events, corpus.relations))
    assert window.timeline.pending  # rows still being prepared
    assert not window.timeline.undated_banner.isHidden()
    assert "Undated piece" in window.timeline.undated_text.text()
    assert wait_until_idle(window, 60)
    assert not window.timeline.undated_banner.isHidden()


def test_a_new_graph_is_drawn_in_turns_and_looks_as_if_painted_at_once(window, qtbot,
                                                                        monkeypatch):
    window.model.set_corpus(large_corpus(300))
    assert wait_until_idle(window, 30)
    graph = window.graph
    qtbot.waitUntil(lambda: len(graph.data.ids) == len(NAMES), timeout=5000)
    qtbot.waitUntil(lambda: not graph.busy, timeout=5000)
    graph.edges.drop_cache()
    at_once = graph.plot_widget.grab().toImage()  # rendered inside the paint
    renders = []
    original = type(graph.edges)._render
    monkeypatch.setattr(type(graph.edges), "_render",
                        lambda self, *a: renders.append(1) or original(self, *a))
    graph.edges.drop_cache()
    graph._draw_in_turns()
    assert graph.busy and not graph.plot_widget.updatesEnabled()
    qtbot.waitUntil(lambda: not graph.busy, timeout=5000)
    assert graph.plot_widget.updatesEnabled()
    assert renders == [1]  # rendered ahead, in a turn of its own
    in_turns = graph.plot_widget.grab().toImage()
    assert renders == [1]  # the paint blitted that image
    assert in_turns == at_once


@pytest.mark.parametrize("n_rows", [800, 20_000])  # markers drawn over the image; all in it
def test_timeline_rows_rendered_ahead_look_as_if_painted_at_once(qtbot, monkeypatch, n_rows):
    from timeline_app.ui.corpus_model import CorpusModel
    from timeline_app.ui.selection import SelectionModel
    from timeline_app.ui.timeline_data import synthetic_rows
    from timeline_app.ui.timeline_view import TimelineView

    view = TimelineView(CorpusModel(), SelectionModel())
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    view.set_rows(synthetic_rows(n_rows, n_lanes=12))
    QApplication.processEvents()
    view.item.drop_cache()
    at_once = view.graphics.grab().toImage()
    renders = []
    original = type(view.item)._render
    monkeypatch.setattr(type(view.item), "_render",
                        lambda self, *a: renders.append(1) or original(self, *a))
    view.item.drop_cache()
    view.viewbox.prepareForPaint()
    view.item.render_ahead()
    assert renders == [1]
    in_turns = view.graphics.grab().toImage()
    assert renders == [1]  # the paint blitted the image rendered ahead
    assert in_turns == at_once
