"""The entry points: `read` one file, `read_paths` many (folders and archives expanded).

Every failure of one file becomes one FileError naming it, with a message, never a
traceback, and never stops the other files.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from timeline_app.domain.article import Article
from timeline_app.domain.corpus import FileError
from timeline_app.ingest import sniff as kinds
from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.formats import READERS
from timeline_app.ingest.limits import Fields, Limits, human_size

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]
_HEAD = 8192


@dataclass
class ReadResult:
    """Articles read, one error per unreadable file, and groups of near-duplicate articles."""

    articles: list[Article] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    duplicates: list[tuple[str, list[str]]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Options:
    published: date | None
    fields: Fields
    limits: Limits
    cancelled: Cancelled | None = None  # also checked between the members of an archive


def read(
    path: str | os.PathLike,
    *,
    published: date | None = None,
    fields: Fields = Fields(),  # noqa: B008 - frozen, so sharing the default is safe
    limits: Limits = Limits(),  # noqa: B008
) -> list[Article]:
    """The articles in one file (a dump or an archive holds several); ReadError if none.

    Members of an archive that cannot be read are skipped here; `read_paths` reports them.
    """
    path = Path(path)
    options = Options(published, fields, limits)
    if path.is_dir():
        result = read_paths([path], published=published, fields=fields, limits=limits)
        if not result.articles and result.errors:
            raise ReadError(result.errors[0].message)
        return result.articles
    articles: list[Article] = []
    errors: list[FileError] = []
    for item in read_file(path, str(path), options):
        (articles if isinstance(item, Article) else errors).append(item)
    if not articles and errors:
        raise ReadError(errors[0].message)
    return articles


def read_paths(
    paths: Iterable[str | os.PathLike],
    *,
    published: date | None = None,
    fields: Fields = Fields(),  # noqa: B008
    limits: Limits = Limits(),  # noqa: B008
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> ReadResult:
    """Read files and folders (recursively), expanding zip archives; never raises for input.

    Exact duplicates (same text) are kept once; near-duplicates are kept and grouped in
    `duplicates` so that the pipeline merges their events.
    """
    from timeline_app.ingest.dedupe import Deduper

    options = Options(published, fields, limits, cancelled)
    result = ReadResult()
    files = list(_expand(paths, result.errors))
    dedupe = Deduper()
    for done, path in enumerate(files):
        if cancelled is not None and cancelled():
            break
        if progress is not None:
            progress(done, len(files), str(path))
        for item in _guarded(path, options):
            if isinstance(item, FileError):
                result.errors.append(item)
            elif dedupe.add(item):
                result.articles.append(item)
    if progress is not None:
        progress(len(files), len(files), "")
    result.duplicates = dedupe.near_duplicates()
    return result


def _guarded(path: Path, options: Options) -> Iterator[Article | FileError]:
    """Everything one file yields; any failure becomes exactly one FileError for it."""
    display = str(path)
    produced: list[Article | FileError] = []
    try:
        for item in read_file(path, display, options):
            produced.append(item)
    except ReadError as exc:
        produced.append(FileError(display, str(exc)))
    except MemoryError:
        produced.append(FileError(display, "too large to read in the memory available"))
    except RecursionError:
        produced.append(FileError(display, "too deeply nested to read"))
    except Exception as exc:  # a reader bug must not stop the other files
        produced.append(FileError(display, f"could not be read ({_describe(exc)})"))
    yield from produced


def _describe(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text[:200]}" if text else type(exc).__name__


def read_file(path: Path, display: str, options: Options) -> Iterator[Article | FileError]:
    """The articles (and, for archives, per-member errors) of one file on disk."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            raise ReadError("not a regular file (a device, pipe or socket)")
        size = info.st_size
        with path.open("rb") as handle:
            head = handle.read(_HEAD)
    except FileNotFoundError:
        raise ReadError("file not found") from None
    except IsADirectoryError:
        raise ReadError("is a folder") from None
    except OSError as exc:
        raise ReadError(f"cannot be opened ({exc.strerror or exc})") from None
    kind = kinds.sniff(path.name, head)
    limits = options.limits
    if kind == kinds.ZIP:
        # read from disk member by member: an archive may be larger than a single file
        if size > limits.max_archive_bytes:
            raise ReadError(f"is {human_size(size)}, more than the "
                            f"{human_size(limits.max_archive_bytes)} allowed per archive "
                            "(Limits.max_archive_bytes)")
        yield from READERS[kinds.ZIP](path, display, path.name, options, 0, None)
        return
    if size > limits.max_file_bytes:
        raise ReadError(f"is {human_size(size)}, more than the "
                        f"{human_size(limits.max_file_bytes)} allowed per file "
                        "(Limits.max_file_bytes)")
    _check_text_size(kind, size, limits)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot be read ({exc.strerror or exc})") from None
    yield from read_bytes(data, display, path.name, options, depth=0, kind=kind)


def _check_text_size(kind: str, size: int, limits: Limits) -> None:
    """A one-article file far beyond the article limit is refused before it is loaded."""
    if kind in (kinds.TEXT, kinds.MARKDOWN, kinds.HTML, kinds.EML) and \
            size > 4 * limits.max_article_chars + 1024:
        raise ReadError(
            f"is {human_size(size)} of text, too long for one article (limit "
            f"{limits.max_article_chars:,} characters, Limits.max_article_chars); "
            "split it into articles or save it as a CSV/JSON dump"
        )


def read_bytes(
    data: bytes, display: str, name: str, options: Options, *, depth: int,
    kind: str | None = None, budget=None,
) -> Iterator[Article | FileError]:
    """Articles from a file's bytes; `display` is the path shown to users and kept in ids."""
    if not data:
        raise ReadError("the file is empty (0 bytes)")
    if name.lower().endswith(".tlproj"):
        raise ReadError("a Timeline App project, not an article: open it on its own")
    kind = kind or kinds.sniff(name, data[:_HEAD])
    if kind == kinds.UNSUPPORTED:
        raise ReadError(f"not supported: it is {kinds.unsupported_reason(name)}")
    if kind not in (kinds.PDF, kinds.DOCX, kinds.ZIP):
        what = kinds.binary_kind(data[:64])
        if what:
            raise ReadError(f"not a text document: it is {what}")
    if kind in (kinds.TEXT, kinds.MARKDOWN, kinds.HTML, kinds.EML):
        _check_text_size(kind, len(data), options.limits)
    yield from READERS[kind](data, display, name, options, depth, budget)


def _expand(paths: Iterable[str | os.PathLike], errors: list[FileError]) -> Iterator[Path]:
    """Files named, and files under folders named (sorted, hidden files skipped)."""
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for found in _walk(path, errors):
                key = os.path.realpath(found)
                if key not in seen:
                    seen.add(key)
                    yield found
        else:
            key = os.path.realpath(path)
            if key not in seen:
                seen.add(key)
                yield path


def _walk(folder: Path, errors: list[FileError]) -> Iterator[Path]:
    """Files under `folder`, sorted; hidden entries and saved pages' asset folders skipped."""
    def failed(exc: OSError) -> None:
        errors.append(FileError(str(exc.filename or folder),
                                f"folder cannot be read ({exc.strerror or exc})"))

    for root, dirs, files in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs
                         if not d.startswith(".") and not _page_assets(d, files))
        for name in sorted(files):
            if not _skipped(name):
                yield Path(root) / name


_ASSET_SUFFIXES = ("_files", "_archivos", "-Dateien", "_fichiers", "_bestanden", "_file")
_NEVER_ARTICLES = (".css", ".js", ".mjs", ".map", ".woff", ".woff2", ".ttf", ".otf", ".eot",
                   ".ico", ".pyc", ".tlproj-journal", ".part", ".crdownload", ".tmp")


def _page_assets(folder: str, siblings: list[str]) -> bool:
    """"Story_files" next to "Story.html": the images and scripts a browser saved with it."""
    for suffix in _ASSET_SUFFIXES:
        if folder.endswith(suffix):
            stem = folder[: -len(suffix)]
            return any(s.lower() in (f"{stem}.html".lower(), f"{stem}.htm".lower())
                       for s in siblings)
    return False


def _skipped(name: str) -> bool:
    """Hidden files, lock files, OS litter, style sheets, scripts, fonts: never articles.

    Only while walking a folder; a file named explicitly is always read (or reported).
    """
    return (name.startswith((".", "~$", "._")) or name in ("Thumbs.db", "desktop.ini")
            or name.lower().endswith(_NEVER_ARTICLES))


