"""Recognising a project file from its first 100 bytes, before SQLite is allowed near it.

Reading the header ourselves means a text file, another program's database, a file from a newer
version and a truncated copy are each told apart cheaply and with their own message, and that
nothing (not even SQLite's journal recovery) ever writes to a file we refuse.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from timeline_app.store.errors import DamagedProjectError, NewerVersionError, NotAProjectError
from timeline_app.store.schema import APPLICATION_ID, SCHEMA_VERSION

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


@dataclass(frozen=True)
class Header:
    version: int  # PRAGMA user_version: the project format
    page_size: int
    pages: int  # pages the header says the file has (0 when it does not know)
    size: int  # bytes on disk


def read_header(path: str | os.PathLike) -> Header | None:
    """The SQLite header fields we check, or None when the file is not an SQLite database."""
    with open(path, "rb") as f:
        head = f.read(HEADER_SIZE)
        size = os.fstat(f.fileno()).st_size
    if len(head) < HEADER_SIZE or not head.startswith(MAGIC):
        return None
    if int.from_bytes(head[68:72], "big") != APPLICATION_ID:
        return Header(version=-1, page_size=0, pages=0, size=size)
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    change_counter = head[24:28]
    valid_for = head[92:96]
    pages = int.from_bytes(head[28:32], "big") if change_counter == valid_for else 0
    return Header(version=int.from_bytes(head[60:64], "big"), page_size=page_size,
                  pages=pages, size=size)


def is_project_file(path: str | os.PathLike) -> bool:
    """True for a Timeline App project of any format version, judged by content, not name."""
    try:
        header = read_header(path)
    except OSError:
        return False
    return header is not None and header.version != -1


def check_header(path: str | os.PathLike) -> Header:
    """The header of a project this build can read; otherwise a ProjectError saying why."""
    name = os.fspath(path)
    try:
        header = read_header(path)
    except OSError as exc:
        raise NotAProjectError(f"{name}: cannot be read ({exc.strerror or exc})") from exc
    if header is None:
        if name.endswith(".tlproj"):
            raise DamagedProjectError(
                f"{name} is damaged: it does not start like a Timeline App project "
                "(truncated or overwritten). It has been left as it is."
            )
        raise NotAProjectError(f"{name} is not a Timeline App project")
    if header.version == -1:
        raise NotAProjectError(
            f"{name} is an SQLite database of another program, not a Timeline App project"
        )
    if header.version > SCHEMA_VERSION:
        raise NewerVersionError(
            f"{name} was saved by a newer version of Timeline App (project format "
            f"{header.version}; this version reads up to format {SCHEMA_VERSION}). Update the "
            "app to open it; the file has been left as it is."
        )
    if header.version < 1 or header.page_size < 512 or header.page_size & (header.page_size - 1):
        raise DamagedProjectError(f"{name} is damaged: its header is not valid")
    if header.size % header.page_size or header.size < header.pages * header.page_size:
        raise DamagedProjectError(
            f"{name} is damaged: it is shorter than it should be (truncated copy or a disk "
            "error). It has been left as it is."
        )
    return header
