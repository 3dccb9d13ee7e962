"""Every earlier project format opens, and migrates to exactly the tables a new file has."""

from __future__ import annotations

import hashlib
import json
import sqlite3

import pytest

from test_store_data import corpus, every_edit, view
from timeline_app.domain.project import Project
from timeline_app.store import codec, load_project, save_project
from timeline_app.store.event_chunks import EventEncoder
from timeline_app.store.projectfile import write_events, write_shared
from timeline_app.store.schema import DDL, SCHEMA_VERSION, create_schema, migrate

EARLIER = [v for v in DDL if v < SCHEMA_VERSION]


def _tables(conn):
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return {n: [tuple(c[1:]) for c in conn.execute(f"PRAGMA table_info({n})")] for n in names}


def test_there_is_an_earlier_version_to_migrate_from():
    assert EARLIER, "keep every released format in schema.DDL"
    assert sorted(DDL) == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("version", EARLIER)
def test_migrated_schema_equals_fresh_schema(version):
    old = sqlite3.connect(":memory:")
    create_schema(old, version)
    assert migrate(old) == version
    fresh = sqlite3.connect(":memory:")
    create_schema(fresh)
    assert _tables(old) == _tables(fresh)
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def _write_v1(path, c, edits, v):
    """A version-1 file as version 1 wrote it: no article metadata column."""
    conn = sqlite3.connect(path)
    create_schema(conn, 1)
    encoder = EventEncoder({a.id: a.text for a in c.articles})
    cols = [c_ for c_ in codec.ARTICLE_COLUMNS if c_ != "meta"]
    conn.executemany(
        f"INSERT INTO articles ({', '.join(cols)}, in_project, in_corpus) "
        f"VALUES ({', '.join('?' * (len(cols) + 2))})",
        ((*codec.article_row(a, encoder.span_ref)[:-1], i, i) for i, a in enumerate(c.articles)),
    )
    conn.executemany("INSERT INTO edits (kind, data) VALUES (?, ?)", map(codec.edit_row, edits))
    conn.executemany("INSERT INTO view VALUES (?, ?)", codec.view_rows(v))
    write_events(conn, c.events, encoder)  # the events tables did not change between 1 and 2
    conn.executemany(
        f"INSERT INTO actors ({', '.join(codec.ACTOR_COLUMNS)}) VALUES (?, ?, ?, ?, ?)",
        map(codec.actor_row, c.actors))
    conn.executemany(
        f"INSERT INTO relations ({', '.join(codec.RELATION_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(codec.RELATION_COLUMNS))})",
        map(codec.relation_row, c.relations))
    write_shared(conn, encoder)
    conn.executemany("INSERT INTO info VALUES (?, ?)",
                     [("app_version", "0.0.9"), ("saved_at_ns", "1"), ("has_corpus", "1"),
                      ("kind", "project")])
    conn.commit()
    conn.close()


def test_version_1_file_opens_unchanged_and_saves_as_current(tmp_path):
    c = corpus(6, 5)
    edits = every_edit(c)
    path = tmp_path / "old.tlproj"
    _write_v1(path, c, edits, view())
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    loaded = load_project(path)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before  # opening changes nothing
    assert loaded.articles == c.articles
    assert all(a.meta == {} for a in loaded.articles)  # version 1 did not keep metadata
    assert loaded.edits == edits
    assert loaded.view == view()
    assert loaded.corpus.events == c.events
    assert loaded.corpus.relations == c.relations
    save_project(path, loaded)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()
    assert load_project(path).edits == edits


def test_current_version_keeps_article_metadata(tmp_path):
    c = corpus(2, 1)
    path = tmp_path / "new.tlproj"
    save_project(path, Project(articles=c.articles))
    conn = sqlite3.connect(path)
    metas = [json.loads(m) for (m,) in conn.execute("SELECT meta FROM articles ORDER BY seq")]
    conn.close()
    assert metas == [a.meta for a in c.articles]
