"""The time of a story told in the past: sentences without a date of their own take the last
past date of their paragraph ("In August 1990 Iraq invaded Kuwait. Saddam had accused it of
..."), marked approximate, with time source "narrative"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from timeline_app.domain import (
    TIME_FROM_ARTICLE_DATE,
    TIME_FROM_NARRATIVE,
    TIME_UNKNOWN,
    Event,
    TimeExpression,
)
from timeline_app.extract.scan import may_hold
from timeline_app.extract.temporal import names_a_thing


def has_date(times: Sequence[TimeExpression]) -> bool:
    return any(x.type in ("DATE", "TIME") and x.time.is_dated for x in times)


# A history told in the past keeps its time from sentence to sentence: "In the early hours of
# August 2, 1990, Iraqi troops crossed into Kuwait. Saddam had accused his neighbour of ...".
# Only within a paragraph, only after a time before the article's day (a news story's
# "Fighting broke out last Thursday. Cambodia fired rockets into Thai territory" as much as a
# history), and not for a sentence in the present ("Saddam remains in power") or the present
# perfect. (Sixty days at first; no gap at all lost nothing on six blind gold sets and dated
# three more relations of breaking stories.)
_NARRATIVE_GAP = timedelta(days=0)
# "the worst Lebanon had seen since the end of its civil war in 1990": a yardstick, not the time
# the story has reached.
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){0,8}$", re.IGNORECASE)


def _after_since(text: str, start: int) -> bool:
    """Whether "since" and up to eight words stand right before `start` (_SINCE_BEFORE); a
    substring test first, as most times follow no "since" at all."""
    begin = max(0, start - 50)
    return may_hold(text[begin:start], ("since",)) and (
        _SINCE_BEFORE.search(text, begin, start) is not None
    )


# "The deal would otherwise have rolled over in November": a time in a modal clause is what
# might be or might have been, not a time the story has reached.
_MODAL_BEFORE = re.compile(r"\b(?:would|could|might|should)\b[^,;:.!?\"“”]{0,60}$", re.IGNORECASE)


def _in_modal_clause(text: str, start: int) -> bool:
    begin = max(0, start - 70)
    return may_hold(text[begin:start], ("would", "could", "might", "should")) and (
        _MODAL_BEFORE.search(text, begin, start) is not None
    )


NOW_TENSE = re.compile(r"\b(?:has|have|is|are|says|say|will|remains?|now|today)\b")


def narrative_time(
    times: Sequence[TimeExpression], told_in: tuple[int, TimeExpression] | None, end: int,
    published: date | None, text: str = "",
) -> tuple[int, TimeExpression] | None:
    """The narrative time after a sentence: its last past date, or (with none) the one it was
    told in. A year that names a thing ("nothing on the scale of 2015" is a time, "the 1974
    disengagement agreement" is not) does not move it."""
    if not times:  # most sentences: no list to build (a comprehension costs a call of its own)
        return (end, told_in[1]) if told_in else None
    dated = [x for x in times if x.type in ("DATE", "TIME") and x.time.is_dated
             and not (text and (names_a_thing(text, *x.span)
                                or _after_since(text, x.span[0])
                                or _in_modal_clause(text, x.span[0])))]
    if not dated:
        return (end, told_in[1]) if told_in else None
    last = dated[-1]
    # (an undated explainer has no day of its own: every date it tells is the story's time)
    if last.time.end is not None and (published is None
                                      or last.time.end < published - _NARRATIVE_GAP):
        return end, last
    return None


# How far back a told time must lie for the story to be a history, whose statements were made
# then too ("The Security Council ... demanded that North Korea withdraw"), not quotes given to
# the reporter now ("In the third quarter of 1988 ... . The company said" in a 1989 report).
_HISTORY_GAP = timedelta(days=730)


# The verbs of a quote given to the reporter: other speech verbs ("warned", "announced",
# "vowed") in a told sequence report what was said then ("On 2 August the cabinet voted ...
# Moon warned that Seoul would not stand by").
_REPORTER_SPEECH = frozenset({"said", "says", "say", "told", "tells", "added", "adds"})


def is_history(told: TimeExpression, published: date | None) -> bool:
    """Whether a told time lies so far back that the story is a history: its undated past-tense
    paragraphs go on telling that time ("The United States chartered ships and evacuated
    15,000 Americans" in a retrospective of a 2006 war), not the day the article appeared."""
    return told.time.end is not None and (
        published is None or told.time.end < published - _HISTORY_GAP
    )  # (an undated article is told wholly from its dates: a history)


def in_narrative(
    event: Event, told_in: TimeExpression, published: date | None = None, text: str = "",
) -> Event:
    if event.time_source not in (TIME_FROM_ARTICLE_DATE, TIME_UNKNOWN):
        return event
    verb = text[event.trigger[0]:event.trigger[1]].lower() if text and event.trigger else "said"
    if event.type == "statement" and verb in _REPORTER_SPEECH and not is_history(
        told_in, published
    ):
        return event  # ", he said": a quote is given when the story is written
    return replace(event, time=replace(told_in.time, approximate=True, open_end=False),
                   time_text=told_in.text, time_span=told_in.span, time_source=TIME_FROM_NARRATIVE)
