"""The window on real files through the real pipeline: drop, link, window, undo, errors."""

from __future__ import annotations

import re
from datetime import date

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from conftest import REFERENCE_ARTICLE, SAMPLES
from timeline_app.domain.edits import ChangeEventType, SetPublished
from timeline_app.graph import pair_events
from timeline_app.ui.app import wait_until_idle
from timeline_app.ui.main_window import MainWindow


def _ingest_missing() -> str | None:
    try:
        from timeline_app.ingest import read_paths  # noqa: F401
    except ImportError as exc:
        return str(exc)
    return None


def _plain_text_build(paths, *, published=None, edits=(), progress=None, cancelled=None,
                      fields=None):
    """Stand-in reader while timeline_app.ingest is not there: UTF-8 text files only.

    Extraction (pipeline.extract_corpus) is the real one; undecodable files become per-file
    errors, which is the behaviour the window relies on.
    """
    from pathlib import Path

    from timeline_app.domain import Article, FileError
    from timeline_app.pipeline import extract_corpus

    files = []
    for p in map(Path, paths):
        files += sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
    articles, errors = [], []
    for f in files:
        try:
            text = f.read_bytes().decode("utf-8")
            if "\x00" in text:
                raise UnicodeDecodeError("utf-8", b"", 0, 1, "binary")
        except (OSError, UnicodeDecodeError):
            errors.append(FileError(str(f), "not a readable text file"))
            continue
        found = re.search(r"\d{4}-\d{2}-\d{2}", f.name)
        day = date.fromisoformat(found.group(0)) if found else published
        articles.append(Article(f.stem, str(f), text.strip().splitlines()[0][:80], text,
                                day, "filename" if found else ("given" if day else "unknown")))
    return extract_corpus(articles, errors=errors, edits=edits, progress=progress,
                          cancelled=cancelled)


@pytest.fixture(autouse=True)
def _reader(monkeypatch):
    """The real ingest when it is importable, else the plain-text stand-in above."""
    if _ingest_missing():
        import timeline_app.pipeline as pipeline

        monkeypatch.setattr(pipeline, "build_corpus", _plain_text_build)


def drop(window: MainWindow, paths) -> None:
    """Drag-enter then drop with file URLs, on the central area, as a file manager does."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    target = window.center
    QApplication.sendEvent(target, QDragEnterEvent(QPoint(50, 50), Qt.CopyAction, mime,
                                                   Qt.LeftButton, Qt.NoModifier))
    event = QDropEvent(QPointF(50, 50), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    QApplication.sendEvent(target, event)


def actor_matching(window: MainWindow, pattern: str) -> str | None:
    rx = re.compile(pattern, re.I)
    for actor in window.model.corpus.actors:
        if any(rx.search(n) for n in (actor.name, *actor.aliases)) and actor.id in \
                window.graph.data.ids:
            return actor.id
    return None


@pytest.fixture
def reference_window(qtbot, reference_article, tmp_path):
    binary = tmp_path / "broken.pdf"
    binary.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    window = MainWindow(published=date(2013, 1, 22))
    qtbot.addWidget(window)
    window.show()
    samples = [SAMPLES] if SAMPLES.is_dir() and any(SAMPLES.iterdir()) else []
    drop(window, [reference_article, *samples, binary])
    assert wait_until_idle(window, 240)
    return window


def test_drop_reference_article_fills_every_view_and_reports_the_bad_file(reference_window):
    w = reference_window
    assert w.model.corpus.articles, "the reference article was read"
    assert len(w.timeline.rows.events) > 0
    assert w.events.proxy.rowCount() == len(w.model.corpus.events) > 0
    assert len(w.graph.data.ids) >= 2 and len(w.graph.data.src) >= 1
    assert any("broken.pdf" in e.path for e in w.model.corpus.errors)
    assert w.errors.errors.count() >= 1


def test_click_event_selects_actors_edge_and_sentence(reference_window, qtbot):
    w = reference_window
    rows = w.timeline.rows
    _, (top, bottom) = w.timeline.viewbox.viewRange()
    on_screen = {int(rows.event[r]) for r in range(len(rows)) if top < rows.y[r] < bottom}
    ev = next(e for i, e in enumerate(rows.events) if e.source and e.target and i in on_screen)
    pos = w.timeline.scene_pos_of(ev.id)
    widget_pos = w.timeline.graphics.mapFromScene(pos)
    qtbot.mouseClick(w.timeline.graphics.viewport(), Qt.LeftButton,
                     pos=QPoint(widget_pos.x(), widget_pos.y()))
    selected = w.model.corpus.event(w.selection.event_id)
    assert selected is not None
    nodes, edges = w.graph.highlighted()
    assert set(selected.actors) & nodes
    if selected.source in w.graph.data.ids and selected.target in w.graph.data.ids:
        assert (selected.source, selected.target) in edges
    assert w.source.highlighted_text("sentence") == [selected.sentence]


def test_russia_assad_edge_shows_exactly_that_pairs_events(reference_window):
    w = reference_window
    russia, assad = actor_matching(w, r"russia"), actor_matching(w, r"assad|syria")
    assert russia and assad
    w.selection.select_edge(russia, assad)
    expected = {e.id for e in pair_events(w.model.corpus, russia, assad) if e.time.is_dated}
    assert expected
    assert w.timeline.shown_event_ids() == expected


def test_window_2011_to_mid_2012_shows_alliance_and_veto_not_distancing(reference_window, qtbot):
    w = reference_window
    w.timeline.set_window(date(2011, 3, 1), date(2012, 6, 30))
    qtbot.waitUntil(lambda: w.selection.window is not None
                    and w.selection.window[0] == date(2011, 3, 1), timeout=3000)
    russia = actor_matching(w, r"russia")
    types = set()
    for _u, _v, data in w.graph.graph.edges(data=True):
        if russia in (_u, _v):
            types |= set(data["data"].types)
    assert types & {"alliance", "veto_support"}
    assert "distancing" not in types


def test_undo_restores_an_edit(reference_window):
    w = reference_window
    ev = w.model.corpus.events[0]
    new_type = "statement" if ev.type != "statement" else "meeting"
    w.apply_edit(ChangeEventType(ev.id, new_type))
    assert w.model.corpus.event(ev.id).type == new_type
    w.undo_stack.undo()
    assert w.model.corpus.event(ev.id).type == ev.type


def test_setting_a_publication_date_places_relative_events(qtbot, reference_article, tmp_path):
    # Renamed so that the file name gives no date; no --published either.
    undated_copy = tmp_path / "article.txt"
    undated_copy.write_bytes(reference_article.read_bytes())
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.load_paths([str(undated_copy)])
    assert wait_until_idle(window, 240)
    undated = window.model.undated_articles()
    if not undated:
        pytest.skip("the reader found a publication date in the reference article itself")
    window.apply_edit(SetPublished(undated[0].id, date(2013, 1, 22)))
    assert not window.model.undated_articles()
    days = {e.time.start for e in window.model.corpus.events if e.time.start}
    assert date(2013, 1, 22) in days or date(2013, 1, 21) in days
    window.undo_stack.undo()
    assert window.model.undated_articles()


def test_samples_fill_timeline_table_and_graph(qtbot):
    if not SAMPLES.is_dir() or not any(SAMPLES.iterdir()):
        pytest.skip("resources/samples is empty")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    drop(window, [SAMPLES])
    assert wait_until_idle(window, 280)
    assert len(window.timeline.rows.events) > 0
    assert window.events.proxy.rowCount() > 0
    assert len(window.graph.data.ids) > 0


_ = REFERENCE_ARTICLE
