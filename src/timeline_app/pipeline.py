"""files -> Articles -> mentions -> events -> Corpus: the one-way flow, as plain functions.

(Provisional skeleton: the signatures are the contract; the bodies are being filled in.)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

from timeline_app.domain import Article, Corpus
from timeline_app.domain.edits import Edit

Progress = Callable[[int, int, str], None]  # (done, total, current path)
Cancelled = Callable[[], bool]


def build_corpus(
    paths: Iterable[str | Path],
    *,
    published: date | None = None,
    edits: Iterable[Edit] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Corpus:
    """Read every file (folders and archives expanded) and extract one merged Corpus.

    `published` is used for articles whose own publication date is unknown. Per-file
    failures become `Corpus.errors`; nothing here raises for bad input.
    """
    raise NotImplementedError


def extract_corpus(
    articles: Iterable[Article],
    *,
    errors: Iterable = (),
    edits: Iterable[Edit] = (),
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Corpus:
    """Extract events, actors and relations from already-read articles."""
    raise NotImplementedError
