"""Zip archives: members read in memory (nothing is written to disk), hostile shapes refused.

Refused before anything is decompressed: more than `max_members` entries, a declared total
beyond `max_archive_bytes`, a member compressed more than `max_ratio` times (zip bombs).
While reading, the bytes actually produced are counted against the same budget, so lying
headers do not help. Members with absolute or `..` paths (path traversal), links,
encrypted members and archives nested deeper than `max_depth` each get one error.
"""

from __future__ import annotations

import posixpath
import stat
import zipfile
from collections.abc import Callable, Iterator

from timeline_app.domain.article import Article
from timeline_app.domain.corpus import FileError
from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.limits import Limits, human_size

_RATIO_FLOOR = 1024 * 1024  # small members may compress well (repetitive text); big ones not
_JUNK = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")

ReadMember = Callable[[bytes, str, str, int], Iterator[Article | FileError]]


class Budget:
    """Uncompressed bytes still allowed for one top-level archive and everything inside it."""

    def __init__(self, limit: int) -> None:
        self.left = limit

    def take(self, size: int) -> None:
        self.left -= size
        if self.left < 0:
            raise ReadError("the archive expands beyond the size allowed per archive "
                            "(Limits.max_archive_bytes); refused as a possible zip bomb")


def open_zip(source) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(source)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError,
            NotImplementedError):
        raise ReadError("not a readable zip archive (damaged or incomplete)") from None


def check_members(archive: zipfile.ZipFile, limits: Limits) -> None:
    """Refuse an archive whose declared shape is hostile, before decompressing anything."""
    infos = archive.infolist()
    if len(infos) > limits.max_members:
        raise ReadError(f"the archive has {len(infos):,} entries, more than the "
                        f"{limits.max_members:,} allowed (Limits.max_members)")
    total = 0
    for info in infos:
        total += info.file_size
        if info.file_size > _RATIO_FLOOR and \
                info.file_size > limits.max_ratio * max(info.compress_size, 1):
            ratio = info.file_size / max(info.compress_size, 1)
            raise ReadError(
                f"{info.filename!r} is compressed {ratio:,.0f} times (more than "
                f"{limits.max_ratio}, Limits.max_ratio); refused as a possible zip bomb")
    if total > limits.max_archive_bytes:
        raise ReadError(f"the archive expands to {human_size(total)}, more than the "
                        f"{human_size(limits.max_archive_bytes)} allowed "
                        "(Limits.max_archive_bytes)")


def unsafe_name(name: str) -> str | None:
    """Why a member name is unsafe (absolute path, `..`, drive letter), or None."""
    clean = name.replace("\\", "/")
    if not clean:
        return "no name"
    if clean.startswith("/") or (len(clean) > 1 and clean[1] == ":"):
        return "absolute path"
    if ".." in posixpath.normpath(clean).split("/") or ".." in clean.split("/"):
        return "path traversal (..)"
    if "\x00" in name:
        return "NUL in name"
    return None


def read_zip(
    archive: zipfile.ZipFile,
    display: str,
    limits: Limits,
    depth: int,
    budget: Budget,
    read_member: ReadMember,
    cancelled: Callable[[], bool] | None = None,
) -> Iterator[Article | FileError]:
    """Articles and per-member errors of an archive; `read_member(data, path, name, depth)`."""
    check_members(archive, limits)
    for info in archive.infolist():
        if cancelled is not None and cancelled():
            return
        name = info.filename
        member = f"{display}!{name}"
        why = unsafe_name(name)
        if not why and (name.endswith("/") or _junk(name)):
            continue
        if why:
            yield FileError(member, f"refused: unsafe name in archive ({why})")
            continue
        if stat.S_ISLNK(info.external_attr >> 16):
            yield FileError(member, "refused: a symbolic link inside an archive")
            continue
        if info.flag_bits & 0x1:
            yield FileError(member, "encrypted in the archive; unpack it with its password")
            continue
        if info.file_size > limits.max_file_bytes:
            yield FileError(member, f"is {human_size(info.file_size)}, more than the "
                            f"{human_size(limits.max_file_bytes)} allowed per file "
                            "(Limits.max_file_bytes)")
            continue
        try:
            data = _read_member(archive, info, limits)
        except ReadError as exc:
            yield FileError(member, str(exc))
            continue
        budget.take(len(data))
        base = posixpath.basename(name.replace("\\", "/"))
        yield from read_member(data, member, base, depth + 1)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits) -> bytes:
    try:
        with archive.open(info) as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except RuntimeError:  # zipfile: "File ... is encrypted"
        raise ReadError("encrypted in the archive; unpack it with its password") from None
    except NotImplementedError:
        raise ReadError("compressed with a method that cannot be read (save the archive "
                        "with ordinary deflate compression)") from None
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, zipfile.LargeZipFile) as exc:
        raise ReadError(f"damaged inside the archive ({str(exc)[:100] or 'bad data'})") \
            from None
    except Exception as exc:  # zlib.error and friends from a corrupt stream
        raise ReadError(f"damaged inside the archive ({type(exc).__name__})") from None
    if len(data) > limits.max_file_bytes:
        raise ReadError("expands beyond its declared size; refused as a possible zip bomb")
    return data


def _junk(name: str) -> bool:
    base = posixpath.basename(name.rstrip("/"))
    return name.startswith(_JUNK[0]) or base in _JUNK[1:] or base.startswith("._")
