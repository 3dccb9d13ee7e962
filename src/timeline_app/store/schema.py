"""The project file's tables, one DDL per format version, and the steps between versions.

Every format a released build ever wrote stays listed here, so a file from any earlier version can
be brought up to date, and the tests can check that migrating an old file gives exactly the tables
a fresh file has. A file is told apart from other SQLite databases by `PRAGMA application_id` and
its format is `PRAGMA user_version`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# "TLPJ": what `is_project_file` looks for at byte 68 of the SQLite header.
APPLICATION_ID = 0x544C504A
SCHEMA_VERSION = 2

_V1 = """
CREATE TABLE info (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    path TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published TEXT,
    published_source TEXT NOT NULL,
    ignored TEXT NOT NULL,
    time_expressions TEXT NOT NULL,
    in_project INTEGER,
    in_corpus INTEGER
);
CREATE TABLE errors (
    seq INTEGER PRIMARY KEY,
    scope TEXT NOT NULL,
    path TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE TABLE edits (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, data TEXT NOT NULL);
CREATE TABLE view (key TEXT PRIMARY KEY, value);
CREATE TABLE actors (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    aliases TEXT NOT NULL,
    parent TEXT
);
-- Values many events repeat (ids, types, actor lists joined by U+001F) and their times, once;
-- string 0 is None, so strings start at 1.
CREATE TABLE strings (id INTEGER PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE timespans (
    id INTEGER PRIMARY KEY,
    value TEXT NOT NULL,
    granularity TEXT NOT NULL,
    start INTEGER,
    "end" INTEGER,
    flags INTEGER NOT NULL,
    mod TEXT
);
-- Events column-wise, CHUNK at a time, as JSON: see store/event_chunks.py.
CREATE TABLE event_chunks (seq INTEGER PRIMARY KEY, count INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE relations (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    type TEXT NOT NULL,
    polarity REAL NOT NULL,
    start INTEGER,
    "end" INTEGER,
    events TEXT NOT NULL,
    open_end INTEGER NOT NULL,
    approximate INTEGER NOT NULL
);
"""

# Version 2 keeps the source metadata of each article (author, URL, outlet ...), which version 1
# dropped: `Article.meta` as a JSON object.
_V2_CHANGE = "ALTER TABLE articles ADD COLUMN meta TEXT NOT NULL DEFAULT '{}';"

DDL: dict[int, str] = {1: _V1, 2: _V1 + _V2_CHANGE}


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    conn.executescript(_V2_CHANGE)


# MIGRATIONS[n] turns a version-n database into version n + 1, in place.
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2}


def create_schema(conn: sqlite3.Connection, version: int = SCHEMA_VERSION) -> None:
    """Create the tables of format `version` and stamp the file as ours."""
    conn.executescript(DDL[version])
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {version}")


def migrate(conn: sqlite3.Connection) -> int:
    """Bring a database of any earlier format up to SCHEMA_VERSION; returns the version found."""
    found = conn.execute("PRAGMA user_version").fetchone()[0]
    version = found
    while version < SCHEMA_VERSION:
        MIGRATIONS[version](conn)
        version += 1
        conn.execute(f"PRAGMA user_version = {version}")
    conn.commit()
    return found
