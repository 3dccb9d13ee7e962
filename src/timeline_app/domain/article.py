"""An article as read from a file: its own text, and what is known about where and when."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from timeline_app.domain.timespan import TimeSpan

# Where a publication date came from, best first.
PUBLISHED_METADATA = "metadata"
PUBLISHED_DATELINE = "dateline"
PUBLISHED_BYLINE = "byline"
PUBLISHED_FILENAME = "filename"
PUBLISHED_GIVEN = "given"  # --published on the CLI, or set by the user in the app
PUBLISHED_UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression found in an article; `span` indexes the article's text."""

    text: str
    span: tuple[int, int]
    type: str  # TIMEX3 type: DATE, TIME, DURATION, SET
    time: TimeSpan
    relative: bool = False  # depends on the publication date or the narrative anchor


@dataclass(frozen=True, slots=True)
class Article:
    """The text exactly as read, with the ranges of it that are not the story.

    `text` is never edited after reading so that every span anyone stores stays valid;
    boilerplate (sign-up prompts, share bars) and verbatim repeats (a photo caption printed
    twice) are listed in `ignored` as character ranges and skipped by extraction.
    """

    id: str
    path: str
    title: str
    text: str
    published: date | None = None
    published_source: str = PUBLISHED_UNKNOWN
    ignored: tuple[tuple[int, int], ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    meta: dict[str, str] = field(default_factory=dict, hash=False, compare=False)

    def is_ignored(self, start: int, end: int) -> bool:
        """True when [start, end) lies mostly inside an ignored range."""
        length = max(1, end - start)
        covered = sum(max(0, min(end, b) - max(start, a)) for a, b in self.ignored)
        return covered * 2 >= length
