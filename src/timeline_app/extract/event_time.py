"""When an event happened: the time expression of its clause, else the article's date.

A sentence often carries several events and several times ("X said last month that ... began in
March 2011"); each event takes the expression nearest to its trigger, preferring one in the same
clause. "since <time>" opens a period that runs to the article date.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import lru_cache

from timeline_app.domain import (
    TIME_FROM_ARTICLE_DATE,
    TIME_FROM_EXPRESSION,
    TIME_UNKNOWN,
    UNDATED,
    TimeExpression,
    TimeSpan,
)
from timeline_app.domain.timespan import DAY
from timeline_app.extract.scan import has_clause_mark, may_hold

# Searched with scan.has_clause_mark, which finds the same, faster; kept as its specification.
_CLAUSE_MARK = re.compile(r"[;:]|\s[—–]\s|,\s+(?:and|but|while|as|saying|adding)\b|\bthat\b")
_SINCE = re.compile(r"\bsince\b[^,.;]{0,60}$", re.IGNORECASE)
# Expressions that say how long or how often rather than when: no anchor for an event.
_USABLE_TYPES = ("DATE", "TIME")


def choose_time(
    text: str,
    sentence: tuple[int, int],
    trigger: tuple[int, int],
    expressions: Sequence[TimeExpression],
    published: date | None,
) -> tuple[TimeSpan, str, tuple[int, int] | None, str]:
    """(time, time text, its span, where it came from) for an event triggered at `trigger`."""
    best: tuple[int, TimeExpression] | None = None
    for expr in expressions:
        start, end = expr.span
        if start < sentence[0] or end > sentence[1]:
            continue
        if expr.type not in _USABLE_TYPES and not expr.time.approximate:
            continue
        if not expr.time.is_dated and not expr.relative:
            continue
        if end <= trigger[0]:
            between = (end, trigger[0])
            distance = trigger[0] - end
        else:
            between = (trigger[1], start)
            distance = max(0, start - trigger[1])
        if best is not None and distance >= best[0]:
            continue  # a clause mark between could only push it further away
        if has_clause_mark(text[between[0]:between[1]]):  # what _CLAUSE_MARK.search finds
            distance += 1000
        if best is None or distance < best[0]:
            best = (distance, expr)
    if best is not None:
        expr = best[1]
        time = expr.time
        window = text[max(sentence[0], expr.span[0] - 70):expr.span[0]]
        if may_hold(window, ("since",)) and _SINCE.search(window) and time.start:
            end = published if published and published > (time.end or published) else time.end
            time = replace(time, end=end, open_end=True)
        return time, expr.text, expr.span, TIME_FROM_EXPRESSION
    if published is None:
        return UNDATED, "", None, TIME_UNKNOWN
    return _article_day(published), "", None, TIME_FROM_ARTICLE_DATE


@lru_cache(maxsize=1024)
def _article_day(published: date) -> TimeSpan:
    """The publication day as a time span; immutable, so one per day serves every event."""
    return TimeSpan(value=published.isoformat(), granularity=DAY, start=published, end=published)
