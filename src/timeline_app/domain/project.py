"""What a saved project holds: the inputs of extraction, the user's edits and how it was viewed.

The Corpus is derived data (re-extractable from articles + edits), so a project stores it only as
a cache; the articles, edits and view state are what must never be lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline_app.domain.article import Article
from timeline_app.domain.corpus import Corpus, FileError
from timeline_app.domain.edits import Edit


@dataclass(frozen=True)
class ViewState:
    time_window: tuple[date, date] | None = None
    lanes: str = "actor"  # "actor" | "relation"
    fold_people: bool = False
    graph_positions: dict[str, tuple[float, float]] = field(default_factory=dict)
    selection: tuple[str, ...] = ()
    window_geometry: bytes | None = None
    window_state: bytes | None = None
    theme: str = "light"


@dataclass(frozen=True)
class Project:
    articles: tuple[Article, ...] = ()
    errors: tuple[FileError, ...] = ()
    edits: tuple[Edit, ...] = ()
    view: ViewState = field(default_factory=ViewState)
    corpus: Corpus | None = None  # cached extraction result; rebuilt when None or stale
