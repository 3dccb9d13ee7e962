"""Files the store must refuse, with a message a user understands, without changing a byte."""

from __future__ import annotations

import hashlib
import sqlite3

import pytest

from test_store_data import project
from timeline_app.domain.project import Project
from timeline_app.store import (
    DamagedProjectError,
    NewerVersionError,
    NotAProjectError,
    ProjectError,
    is_project_file,
    load_project,
    save_project,
)
from timeline_app.store.schema import SCHEMA_VERSION


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _saved(tmp_path, name="p.tlproj"):
    path = tmp_path / name
    save_project(path, project(n_articles=30, events_per_article=8))
    return path


def _assert_refused_untouched(path, error, words):
    before = _digest(path)
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error) as info:
        load_project(path)
    message = str(info.value)
    assert str(path) in message
    assert all(w in message for w in words), message
    with pytest.raises(ProjectError):  # saving over it is refused too
        save_project(path, Project())
    assert _digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == siblings  # no journal, no temp


@pytest.mark.parametrize("keep", [0, 50, 100, 4096, 0.5])
def test_truncated_file_is_refused(tmp_path, keep):
    path = _saved(tmp_path)
    data = path.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep
    path.write_bytes(data[:cut])
    _assert_refused_untouched(path, DamagedProjectError, ["damaged"])


def test_garbage_file_is_refused(tmp_path):
    path = tmp_path / "junk.tlproj"
    path.write_bytes(bytes(range(256)) * 64)
    _assert_refused_untouched(path, DamagedProjectError, ["damaged"])
    other = tmp_path / "notes.txt"
    other.write_text("shopping list")
    _assert_refused_untouched(other, NotAProjectError, ["not a Timeline App project"])


def test_corrupted_pages_are_refused(tmp_path):
    path = _saved(tmp_path)
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data), 8192):  # scribble over the start of every page but 1
        data[offset:offset + 64] = b"\xa5" * 64
    path.write_bytes(bytes(data))
    _assert_refused_untouched(path, DamagedProjectError, ["damaged"])


def test_newer_version_is_refused(tmp_path):
    path = _saved(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    assert is_project_file(path)  # still ours: the CLI reports it instead of reading it as text
    _assert_refused_untouched(path, NewerVersionError, ["newer version", str(SCHEMA_VERSION + 1)])


def test_other_programs_database_is_refused(tmp_path):
    path = tmp_path / "other.tlproj"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    _assert_refused_untouched(path, NotAProjectError, ["another program"])


def test_save_over_foreign_file_only_when_asked(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("keep me")
    with pytest.raises(NotAProjectError):
        save_project(path, Project())
    assert path.read_text() == "keep me"
    save_project(path, Project(), replace_foreign=True)
    assert is_project_file(path)
