"""Reading and writing one project file.

A save never touches the existing file: the whole project goes into a fresh SQLite database next
to it (one transaction, bulk inserts), which is flushed to disk and then renamed over the old one
with `os.replace`. A process killed at any instant therefore leaves either the previous file or the
new one, never a mix, and there is no journal beside the project that could be paired with the
wrong file. Files are opened read-only; an older format is copied into memory and migrated there,
so opening never changes a file either.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sqlite3
import time
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

from timeline_app import __version__
from timeline_app.domain import Corpus, Event
from timeline_app.domain.project import Project
from timeline_app.domain.timespan import TimeSpan
from timeline_app.store import codec
from timeline_app.store.errors import DamagedProjectError, ProjectError
from timeline_app.store.event_chunks import (
    TIMESPAN_COLUMNS,
    EventDecoder,
    EventEncoder,
    read_timespans,
)
from timeline_app.store.header import check_header, read_header
from timeline_app.store.schema import SCHEMA_VERSION, create_schema, migrate

TEMP_SUFFIX = ".saving"
_DAMAGE = (sqlite3.DatabaseError, ValueError, KeyError, TypeError, IndexError, AttributeError)


# -- writing ---------------------------------------------------------------------------------

def write_project(path: str | os.PathLike, project: Project, *, kind: str = "project",
                  extra_info: dict[str, str] | None = None, replace_foreign: bool = False) -> None:
    """Write `project` to `path` atomically (temp file, fsync, os.replace, fsync of the folder).

    An existing file at `path` that is not a project this build can read (another program's
    file, a newer format, a damaged project) is refused with a ProjectError and left untouched,
    unless `replace_foreign` says the user asked for exactly that.
    """
    target = Path(path)
    if target.exists() and not replace_foreign:
        _check_replaceable(target)
    folder = target.parent
    remove_stale_temps(target)
    temp = folder / f".{target.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}{TEMP_SUFFIX}"
    try:
        _fill(temp, project, kind, extra_info or {})
        with open(temp, "rb+") as f:
            os.fsync(f.fileno())
        for leftover in ("-journal", "-wal", "-shm"):
            # Never ours (we never write in place); pairing one with the new file would corrupt it.
            with contextlib.suppress(FileNotFoundError):
                os.remove(f"{target}{leftover}")
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.remove(temp)
        raise
    _fsync_folder(folder)


def _check_replaceable(target: Path) -> None:
    """Refuse to replace anything but a sound project of a format we know (see write_project)."""
    try:
        check_integrity(target)
    except ProjectError as exc:
        raise type(exc)(f"{exc} Not overwritten: save under another name.") from None


def _fill(temp: Path, project: Project, kind: str, extra_info: dict[str, str]) -> None:
    conn = sqlite3.connect(temp, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = OFF")  # a half-written temp file is simply deleted
        conn.execute("PRAGMA synchronous = OFF")  # fsync once, at the end
        conn.execute("PRAGMA page_size = 8192")
        create_schema(conn)  # executescript: runs outside the transaction below
        conn.execute("BEGIN")
        _insert_all(conn, project)
        info = {
            "app_version": __version__, "kind": kind, "saved_at_ns": str(time.time_ns()),
            "has_corpus": "1" if project.corpus is not None else "0", **extra_info,
        }
        conn.executemany("INSERT INTO info VALUES (?, ?)", info.items())
        conn.execute("COMMIT")
    finally:
        conn.close()


def _insert_all(conn: sqlite3.Connection, project: Project) -> None:
    corpus = project.corpus
    encoder = EventEncoder({a.id: a.text for a in corpus.articles} if corpus else {})
    rows: list[list] = [[a, pos, None] for pos, a in enumerate(project.articles)]
    row_of = {a.id: row for a, row in zip(project.articles, rows, strict=True)}
    for pos, article in enumerate(corpus.articles if corpus is not None else ()):
        row = row_of.pop(article.id, None)  # each project row serves one corpus article
        same = row[0] if row is not None else None
        if same is not None and (same is article or (same == article
                                                      and same.meta == article.meta)):
            row[2] = pos  # one row for both copies: stored and loaded once
        else:
            rows.append([article, None, pos])  # the cache's copy differs from the project's
    columns = ", ".join((*codec.ARTICLE_COLUMNS, "in_project", "in_corpus"))
    marks = ", ".join("?" * (len(codec.ARTICLE_COLUMNS) + 2))
    conn.executemany(
        f"INSERT INTO articles ({columns}) VALUES ({marks})",
        ((*codec.article_row(a, encoder.span_ref), p, c) for a, p, c in rows),
    )
    errors = [codec.error_row("project", e) for e in project.errors]
    if corpus is not None:
        errors += [codec.error_row("corpus", e) for e in corpus.errors]
    conn.executemany("INSERT INTO errors (scope, path, message) VALUES (?, ?, ?)", errors)
    conn.executemany("INSERT INTO edits (kind, data) VALUES (?, ?)",
                     (codec.edit_row(e) for e in project.edits))
    conn.executemany("INSERT INTO view VALUES (?, ?)", codec.view_rows(project.view))
    if corpus is not None:
        conn.executemany(_insert("actors", codec.ACTOR_COLUMNS),
                         (codec.actor_row(a) for a in corpus.actors))
        write_events(conn, corpus.events, encoder)
        conn.executemany(_insert("relations", codec.RELATION_COLUMNS),
                         (codec.relation_row(r) for r in corpus.relations))
    write_shared(conn, encoder)


def write_events(conn: sqlite3.Connection, events: Iterable[Event],
                 encoder: EventEncoder) -> None:
    conn.executemany("INSERT INTO event_chunks (count, data) VALUES (?, ?)",
                     encoder.chunks(events))


def write_shared(conn: sqlite3.Connection, encoder: EventEncoder) -> None:
    """The strings and time spans the articles and events refer to (write them last)."""
    conn.executemany("INSERT INTO strings (id, value) VALUES (?, ?)", encoder.string_rows())
    conn.executemany(_insert("timespans", TIMESPAN_COLUMNS), encoder.timespan_rows())


def read_events(conn: sqlite3.Connection, spans: list[TimeSpan],
                texts: dict[str, str]) -> tuple[Event, ...]:
    decoder = EventDecoder(conn.execute("SELECT id, value FROM strings"), spans, texts)
    events: list[Event] = []
    for count, data in conn.execute("SELECT count, data FROM event_chunks ORDER BY seq"):
        chunk = decoder.decode(data)
        if len(chunk) != count:
            raise ValueError("an event chunk does not hold the events it should")
        events.extend(chunk)
    return tuple(events)


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def remove_stale_temps(target: Path) -> None:
    """Temp files left by a save that was killed; a live process's own temp file is kept."""
    for temp in target.parent.glob(f".{glob_escape(target.name)}.*{TEMP_SUFFIX}"):
        pid = temp.name[len(target.name) + 2:].split(".", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            with contextlib.suppress(OSError):
                temp.unlink()


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own leftovers come from an earlier, failed save
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def _fsync_folder(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not possible on every platform (Windows)
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


# -- reading ---------------------------------------------------------------------------------

@contextlib.contextmanager
def open_readonly(path: str | os.PathLike) -> Iterator[sqlite3.Connection]:
    """A read-only connection to a checked project, migrated (in memory) when it is older."""
    header = check_header(path)
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.DatabaseError as exc:
        raise DamagedProjectError(f"{os.fspath(path)} cannot be opened: {exc}") from exc
    try:
        if header.version < SCHEMA_VERSION:
            memory = sqlite3.connect(":memory:")
            try:
                conn.backup(memory)
            except BaseException:
                memory.close()
                raise
            conn.close()
            conn = memory
            migrate(conn)
        yield conn
    except _DAMAGE as exc:
        if isinstance(exc, ProjectError):
            raise
        raise DamagedProjectError(
            f"{os.fspath(path)} is damaged and cannot be read ({exc}). It has been left as it is."
        ) from exc
    finally:
        conn.close()


def check_integrity(path: str | os.PathLike) -> None:
    """Raise DamagedProjectError unless SQLite's structural check of the file passes."""
    with open_readonly(path) as conn:
        _quick_check(conn)


def _quick_check(conn: sqlite3.Connection) -> None:
    """SQLite's structural check: about 0.1 s for a 100 MB project, so done on every open."""
    problems = [r[0] for r in conn.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise sqlite3.DatabaseError("; ".join(problems))


def read_info(path: str | os.PathLike) -> dict[str, str]:
    """The file's info table (app version, when saved, autosave of what); cheap."""
    with open_readonly(path) as conn:
        return dict(conn.execute("SELECT key, value FROM info"))


def read_project(path: str | os.PathLike) -> Project:
    # Hundreds of thousands of new objects would trigger repeated full garbage collections
    # (quadratic in effect); none of them can be part of a cycle yet, so collection waits.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        with open_readonly(path) as conn:
            _quick_check(conn)
            return _read_all(conn)
    finally:
        if was_enabled:
            gc.enable()


def _read_all(conn: sqlite3.Connection) -> Project:
    info = dict(conn.execute("SELECT key, value FROM info"))
    project_articles: dict[int, object] = {}
    corpus_articles: dict[int, object] = {}
    columns = ", ".join((*codec.ARTICLE_COLUMNS, "in_project", "in_corpus"))
    spans = read_timespans(conn.execute(_select("timespans", TIMESPAN_COLUMNS, "id")))
    decode_article = codec.article_decoder(spans)
    for row in conn.execute(f"SELECT {columns} FROM articles ORDER BY seq"):
        article = decode_article(row[:-2])
        if row[-2] is not None:
            project_articles[row[-2]] = article
        if row[-1] is not None:
            corpus_articles[row[-1]] = article
    errors = {"project": [], "corpus": []}
    query = "SELECT scope, path, message FROM errors ORDER BY seq"
    for scope, path, message in conn.execute(query):
        errors[scope].append(codec.FileError(path, message))
    edits = tuple(codec.edit_from_row(k, d)
                  for k, d in conn.execute("SELECT kind, data FROM edits ORDER BY seq"))
    view = codec.view_from_rows(conn.execute("SELECT key, value FROM view"))
    corpus = None
    if info.get("has_corpus") == "1":
        in_corpus = tuple(corpus_articles[i] for i in sorted(corpus_articles))
        corpus = Corpus(
            articles=in_corpus,
            actors=tuple(map(codec.actor_from_row, conn.execute(
                _select("actors", codec.ACTOR_COLUMNS)))),
            events=read_events(conn, spans, {a.id: a.text for a in in_corpus}),
            relations=tuple(map(codec.relation_from_row, conn.execute(
                _select("relations", codec.RELATION_COLUMNS)))),
            errors=tuple(errors["corpus"]),
        )
    return Project(
        articles=tuple(project_articles[i] for i in sorted(project_articles)),
        errors=tuple(errors["project"]),
        edits=edits,
        view=view,
        corpus=corpus,
    )


def _select(table: str, columns: tuple[str, ...], order: str = "seq") -> str:
    return f"SELECT {', '.join(columns)} FROM {table} ORDER BY {order}"


def header_version(path: str | os.PathLike) -> int | None:
    """The format version of a project file, or None when it is not one (for diagnostics)."""
    try:
        header = read_header(path)
    except OSError:
        return None
    return None if header is None or header.version == -1 else header.version

