"""Configurable caps that keep hostile or absurd input from exhausting memory or time."""

from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """Size caps per file and per archive, and archive-shape checks (zip bombs, nesting).

    `max_article_chars` bounds one article's text: a single "article" of tens of megabytes is
    not a news story (it is a dump or a log) and would take minutes to extract, so it is
    refused with a message saying which limit to raise. Dumps (CSV/JSON) may be up to
    `max_file_bytes`; each of their rows is an article and obeys `max_article_chars`.
    """

    max_file_bytes: int = 64 * MB
    max_archive_bytes: int = 512 * MB  # total uncompressed size of one archive
    max_ratio: int = 100  # uncompressed / compressed size of one archive member
    max_depth: int = 3  # archives inside archives
    max_members: int = 10_000
    max_article_chars: int = 4_000_000


@dataclass(frozen=True, slots=True)
class Fields:
    """Column (CSV) or key (JSON) names in news dumps; None means detect it from the header."""

    title: str | None = None
    date: str | None = None
    text: str | None = None


def human_size(size: int) -> str:
    if size >= MB:
        return f"{size / MB:.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
