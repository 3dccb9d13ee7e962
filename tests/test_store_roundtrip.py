"""Saving and reopening a project keeps everything the user has: articles, edits, view, corpus."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest

from test_store_data import corpus, every_edit, project, view
from timeline_app.domain import Corpus
from timeline_app.domain.edits import apply_edits
from timeline_app.domain.project import Project, ViewState
from timeline_app.store import (
    edited_corpus,
    is_project_file,
    load_project,
    save_project,
)
from timeline_app.store.schema import APPLICATION_ID, SCHEMA_VERSION


def _same_articles(a, b):
    assert a == b
    assert [x.meta for x in a] == [y.meta for y in b]  # meta is left out of Article.__eq__


def test_full_project_round_trip(tmp_path):
    original = project(n_articles=15, events_per_article=9)
    path = tmp_path / "work.tlproj"
    save_project(path, original)
    loaded = load_project(path)
    _same_articles(loaded.articles, original.articles)
    assert loaded.errors == original.errors
    assert loaded.edits == original.edits
    assert loaded.view == original.view
    c, o = loaded.corpus, original.corpus
    _same_articles(c.articles, o.articles)
    assert c.actors == o.actors
    assert c.events == o.events
    assert c.relations == o.relations
    assert c.errors == o.errors


@pytest.mark.parametrize("edit", every_edit(corpus(3, 6)), ids=lambda e: type(e).__name__)
def test_every_kind_of_edit_round_trips_and_replays_the_same(tmp_path, edit):
    base = corpus(3, 6)
    path = tmp_path / "edit.tlproj"
    save_project(path, Project(articles=base.articles, edits=(edit,), corpus=base))
    loaded = load_project(path)
    assert loaded.edits == (edit,)
    assert type(loaded.edits[0]) is type(edit)
    assert edited_corpus(loaded).events == apply_edits(base, [edit]).events


def test_project_without_corpus_and_default_view(tmp_path):
    base = corpus(2, 2)
    path = tmp_path / "plain.tlproj"
    save_project(path, Project(articles=base.articles))
    loaded = load_project(path)
    assert loaded.corpus is None
    assert loaded.view == ViewState()
    _same_articles(loaded.articles, base.articles)


def test_corpus_articles_that_differ_from_the_project_copy_are_both_kept(tmp_path):
    base = corpus(3, 2)
    dated = replace(base.articles[1], published=date(2013, 1, 22), published_source="given")
    cached = Corpus(articles=(base.articles[0], dated), actors=base.actors)
    path = tmp_path / "two.tlproj"
    save_project(path, Project(articles=base.articles, corpus=cached))
    loaded = load_project(path)
    _same_articles(loaded.articles, base.articles)
    _same_articles(loaded.corpus.articles, cached.articles)


def test_odd_ids_and_text_survive(tmp_path):
    base = corpus(1, 3)
    ev = base.events[0]
    odd = replace(ev, actors=("[weird", "a\x1fb", ""), co_sources=("", ), source="é—ß",
                  sentence="", summary="line\nbreak 'quotes' \"double\"")
    c = replace(base, events=(odd, *base.events[1:]))
    path = tmp_path / "odd.tlproj"
    save_project(path, Project(articles=c.articles, corpus=c))
    assert load_project(path).corpus.events == c.events


def test_saving_again_replaces_the_content(tmp_path):
    path = tmp_path / "p.tlproj"
    first = project(n_articles=4)
    save_project(path, first)
    second = replace(first, articles=first.articles[:2], edits=first.edits[:1],
                     view=replace(view(), theme="light"))
    save_project(path, second)
    loaded = load_project(path)
    assert loaded.articles == second.articles
    assert loaded.edits == second.edits
    assert loaded.view.theme == "light"
    assert not list(tmp_path.glob(".*saving"))  # no temp files left behind


def test_file_is_recognised_by_content_not_name(tmp_path):
    saved = tmp_path / "renamed.dat"
    save_project(saved, Project())
    text = tmp_path / "notes.tlproj"
    text.write_text("hello")
    other_db = tmp_path / "other.tlproj"
    sqlite3.connect(other_db).execute("CREATE TABLE t (x)").connection.close()
    assert is_project_file(saved)
    assert not is_project_file(text)
    assert not is_project_file(other_db)
    assert not is_project_file(tmp_path / "missing.tlproj")
    conn = sqlite3.connect(saved)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_reextraction_keeps_edits(tmp_path):
    """Articles + edits from the file are enough to rebuild the edited corpus from scratch."""
    pipeline = pytest.importorskip("timeline_app.pipeline")
    from timeline_app.domain import Article
    from timeline_app.domain.edits import DeleteEvent, RenameActor, SetPublished

    text = ("Russia and China vetoed the draft resolution on Syria on 4 February 2012. "
            "France criticised Russia for the veto on 5 February 2012.")
    art = Article(id="veto", path="veto.txt", title="Veto", text=text)
    try:
        fresh = pipeline.extract_corpus([art])
    except Exception as exc:  # the extractor is being rewritten by another helper
        pytest.skip(f"extraction unavailable: {exc}")
    if not fresh.events or not fresh.actors:
        pytest.skip("extraction found nothing to edit in this build")
    actor = fresh.actors[0]
    edits = (RenameActor(actor.id, "Renamed Actor"), DeleteEvent(fresh.events[0].id),
             SetPublished("veto", date(2012, 2, 6)))
    path = tmp_path / "re.tlproj"
    save_project(path, Project(articles=(art,), edits=edits, corpus=fresh))
    loaded = load_project(path)
    again = pipeline.extract_corpus(loaded.articles, errors=loaded.errors, edits=loaded.edits)
    assert again.actor(actor.id).name == "Renamed Actor"
    assert again.event(fresh.events[0].id) is None
    assert again.article("veto").published == date(2012, 2, 6)


def test_extracted_sample_corpus_round_trips(tmp_path):
    """Whatever the real pipeline produces today is stored exactly (when it runs)."""
    from conftest import SAMPLES

    pipeline = pytest.importorskip("timeline_app.pipeline")
    try:
        extracted = pipeline.build_corpus([SAMPLES])
    except Exception as exc:  # ingest and the tagger are being rewritten by other helpers
        pytest.skip(f"pipeline unavailable: {exc}")
    if not extracted.events:
        pytest.skip("no sample articles in this checkout")
    path = tmp_path / "samples.tlproj"
    save_project(path, Project(articles=extracted.articles, errors=extracted.errors,
                               corpus=extracted))
    loaded = load_project(path).corpus
    _same_articles(loaded.articles, extracted.articles)
    assert loaded.events == extracted.events
    assert loaded.actors == extracted.actors
    assert loaded.relations == extracted.relations
    assert loaded.errors == extracted.errors
