"""Knight Lab TimelineJS JSON: `events` with `start_date`/`end_date`, `text` and `group`.

TimelineJS shows a date at the precision of the parts it is given, so each event carries only
the parts its granularity knows: a month-granular event has a year and a month but no day,
and a year has only a year. Saying more would invent precision the article never gave.
"""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from typing import Any

from timeline_app.domain import Corpus, Event
from timeline_app.domain.timespan import (
    CENTURY,
    DAY,
    DECADE,
    HALF,
    MONTH,
    PART_OF_DAY,
    QUARTER,
    SEASON,
    TIME,
    WEEK,
    YEAR,
)

DAY_PARTS = ("year", "month", "day")
MONTH_PARTS = ("year", "month")
YEAR_PARTS = ("year",)


def date_parts(granularity: str, approximate: bool = False) -> tuple[str, ...]:
    """The TimelineJS date parts an event of this granularity may state."""
    if granularity in (DAY, PART_OF_DAY, TIME, WEEK) and not approximate:
        return DAY_PARTS
    if granularity in (YEAR, DECADE, CENTURY):
        return YEAR_PARTS
    if granularity in (MONTH, SEASON, QUARTER, HALF):
        return MONTH_PARTS
    return MONTH_PARTS  # fuzzy spans ("in recent months") and durations: month at most


def _date(day: date, parts: tuple[str, ...]) -> dict[str, str]:
    values = {"year": str(day.year), "month": str(day.month), "day": str(day.day)}
    return {part: values[part] for part in parts}


def _same_unit(a: date, b: date, parts: tuple[str, ...]) -> bool:
    return all(getattr(a, p) == getattr(b, p) for p in parts)


def event_slide(corpus: Corpus, event: Event) -> dict[str, Any] | None:
    """One TimelineJS event, or None for an undated event (TimelineJS needs a start date)."""
    t = event.time
    if t.start is None or t.end is None:
        return None
    parts = date_parts(t.granularity, t.approximate)
    slide: dict[str, Any] = {"start_date": _date(t.start, parts)}
    if not _same_unit(t.start, t.end, parts):
        slide["end_date"] = _date(t.end, parts)
    article = corpus.article(event.article)
    where = html.escape(article.title or article.path) if article else ""
    when = html.escape(event.time_text) if event.time_text else ""
    if t.open_end:
        when = f"{when} (ongoing on {t.end.isoformat()})".strip()
    elif t.approximate:
        when = f"{when} (approximate)".strip()
    note = " · ".join(x for x in (when, where) if x)
    slide["text"] = {
        "headline": html.escape(event.summary or event.type.replace("_", " ")),
        "text": html.escape(" ".join(event.sentence.split()))
        + (f"<br><small>{note}</small>" if note else ""),
    }
    group = event.source or (event.actors[0] if event.actors else None)
    if group:
        actor = corpus.actor(group)
        slide["group"] = actor.name if actor else group
    slide["unique_id"] = _slug(event.id)
    return slide


def _slug(text: str) -> str:
    """TimelineJS uses unique_id in the page URL hash: keep it to URL-safe characters."""
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in text)


def timelinejs_dict(corpus: Corpus, title: str | None = None) -> dict[str, Any]:
    slides = [s for e in corpus.events if (s := event_slide(corpus, e)) is not None]
    doc: dict[str, Any] = {"events": slides}
    if title:
        doc["title"] = {"text": {"headline": html.escape(title), "text": ""}}
    return doc


def write_timelinejs(corpus: Corpus, path: str | Path, title: str | None = None) -> None:
    Path(path).write_text(
        json.dumps(timelinejs_dict(corpus, title), ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
