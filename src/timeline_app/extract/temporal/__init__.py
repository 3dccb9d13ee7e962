"""The temporal tagger: find time expressions in news text and normalise them as TIMEX3.

The recognition rules (patterns.py) are tried only where a word that can begin an expression
stands, and there only those its first characters admit (prefixes.py), which keeps a 3 KB
article well under a millisecond; each candidate is normalised by the handler of its rule
(normalise.py maps rules to the handlers in dates.py, relative.py and durations.py; values.py
holds what they share) against the document creation date, the tense of its clause and the
narrative so far (anchoring.py); calendar.py turns the value into the day range a timeline
draws; lexicon.py holds the words.

Spans follow TimeML: modifiers such as "early" and "the last" are in, prepositions ("on",
"in", "since") and qualifiers of durations ("about") are out.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import lru_cache

from timeline_app.domain import TimeExpression, TimeSpan
from timeline_app.domain import timespan as ts

from .anchoring import Narrative, looks_back
from .calendar import granularity_of, span_for_value
from .normalise import HANDLERS, Cand, Found
from .patterns import HITS, RULE_INDEX, RULE_REGEX

__all__ = ["tag"]

# Lower-cases ASCII only, for the rare text whose lower() would change its length.
_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(ord("A"), ord("Z") + 1)})

_TRIMMED = frozenset({"rel_unit", "dayword", "pod"})
_EARLIER_LATER = re.compile(r"(?:earlier|later)\s+", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
_LATE = re.compile(r"T(?:EV|NI|1[7-9]|2\d)")  # an evening or night: 5 p.m. or later

_POINT_GRANULARITIES = (
    ts.DAY, ts.MONTH, ts.QUARTER, ts.YEAR, ts.WEEK, ts.PART_OF_DAY, ts.TIME, ts.SEASON, ts.HALF,
)


def _inside(start: int, end: int, ignored: Sequence[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in ignored)


def _timespan(found: Found) -> TimeSpan:
    gran = found.granularity or granularity_of(found.value)
    if found.type == "DURATION":
        gran = ts.DURATION
    elif found.type == "SET":
        gran = ts.SET
    start, end, approx = found.start, found.end, found.approximate
    if start is None and found.type in ("DATE", "TIME") and "X" not in found.value:
        start, end, fuzzy = span_for_value(found.value, found.mod)
        approx = approx or fuzzy
    if start is not None and end is not None and end < start:
        start, end = end, start
    if found.relative and gran == ts.WEEK:
        # "last week", "earlier this week", "two weeks ago": news uses them loosely (the past
        # seven days or so rather than the calendar week), and analysts read them as vague
        approx = True
    return _span(found.value, gran, start, end, approx, found.mod)


@lru_cache(maxsize=8192, typed=True)
def _span(value: str, granularity: str, start: datetime.date | None,
          end: datetime.date | None, approximate: bool, mod: str | None) -> TimeSpan:
    """One shared TimeSpan per distinct value: it is immutable, a story repeats its dates,
    and building a frozen dataclass costs more than the look-up."""
    return TimeSpan(value=value, granularity=granularity, start=start, end=end,
                    approximate=approximate, mod=mod)


# A TimeExpression made through its slots: the frozen dataclass's __init__ sets each field by
# object.__setattr__ and costs three times as much; the object is the same (class, fields,
# equality, hash, pickling), and still refuses any later assignment. The slot descriptors are
# read from the class's namespace: attribute access on the class is typed as the field's value.
_NEW_EXPRESSION = TimeExpression.__new__
_SLOTS = vars(TimeExpression)
_SET_TEXT = _SLOTS["text"].__set__
_SET_SPAN = _SLOTS["span"].__set__
_SET_TYPE = _SLOTS["type"].__set__
_SET_TIME = _SLOTS["time"].__set__
_SET_RELATIVE = _SLOTS["relative"].__set__


def _expression(text: str, span: tuple[int, int], type_: str, time: TimeSpan,
                relative: bool) -> TimeExpression:
    expression = _NEW_EXPRESSION(TimeExpression)
    _SET_TEXT(expression, text)
    _SET_SPAN(expression, span)
    _SET_TYPE(expression, type_)
    _SET_TIME(expression, time)
    _SET_RELATIVE(expression, relative)
    return expression


def _remember(state: Narrative, found: Found, span: TimeSpan, end: int) -> None:
    """Keep the last calendar point for anaphora ("the next day", "a year earlier")."""
    if found.type not in ("DATE", "TIME") or span.start is None or not found.anchors:
        return
    if found.explicit or found.narrative:  # "in 1942", "the following year"
        state.year = span.start.year
        state.year_pos = end
    if span.granularity not in _POINT_GRANULARITIES:
        return
    state.anchor = span.start
    state.anchor_end = end
    if span.granularity in (ts.DAY, ts.PART_OF_DAY, ts.TIME):
        state.days.append((end, span.start))
    state.anchor_late = found.type == "TIME" and _LATE.search(found.value) is not None
    if span.granularity == ts.QUARTER and state.quarter is None and found.calendar:
        state.quarter = span.start
    if span.granularity == ts.QUARTER and not found.calendar:
        state.fiscal, state.fiscal_end = span.start, end
    state.anchor_granularity = ts.DAY if span.granularity in (ts.PART_OF_DAY, ts.TIME) else (
        span.granularity)


def _behind_the_story(state: Narrative, day: datetime.date) -> bool:
    """Whether `day` lies in a year before the one a history is telling."""
    return state.year is not None and day.year < state.year and state.in_history()


def _lowered(text: str) -> str:
    """The text in lower case with every offset kept ("İ" lower-cases to two characters)."""
    low = text.lower()
    return low if len(low) == len(text) else text.translate(_LOWER)


# "the 1974 disengagement agreement", "its 2006 war": a year that modifies a noun names a thing
# and leaves the story's time where it was.
_DETERMINED_BEFORE = re.compile(r"\b(?:the|its|their|his|her|a|an)\s+$", re.IGNORECASE)
_NOUN_NEXT = re.compile(
    r"\s+(?!(?:and|or|but|to|in|on|at|of|for|by|with|from|when|as|after|before|until|was|were|"
    r"is|are|had|has|have|will|would|that|which)\b)[A-Za-z][a-z-]+"
)


def names_a_thing(text: str, start: int, end: int) -> bool:
    return bool(_DETERMINED_BEFORE.search(text, max(0, start - 7), start)) and bool(
        _NOUN_NEXT.match(text, end))


def _candidates(lower_text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, rule) of the rules' matches, leftmost first, never overlapping.

    HITS finds the places an expression can start (a cheap scan that already drops "the"s and
    numbers with no time word after them); only there are the rules tried, and of them only
    those the first characters admit (RULE_INDEX, prefixes.py), in order: the first that
    matches is the one the joined scanner of all rules would find. The leading space lets
    HITS see a boundary before the first word; positions are shifted back by one.
    """
    lower = " " + lower_text
    taken = 0
    # RULE_INDEX.match, inlined: this loop runs at every hit
    by_key, members_at, width, full = (
        RULE_INDEX.by_key, RULE_INDEX.members, RULE_INDEX.n, RULE_INDEX.full)
    for hit in HITS.finditer(lower):
        pos = hit.start(1)
        if pos < taken:
            continue
        key = lower[pos:pos + width]
        members = by_key.get(key)
        if members is None:
            members = members_at(key)
        rule: str | None = None
        end = pos
        for pattern, name in members:
            m = pattern.match(lower, pos)
            if m is not None:
                rule, end = (m.lastgroup if pattern is full else name), m.end()
                break
        if end == pos or rule is None:
            continue
        taken = end
        yield pos - 1, end - 1, rule


def tag(
    text: str,
    published: datetime.date | None,
    *,
    ignored: Sequence[tuple[int, int]] = (),
) -> list[TimeExpression]:
    """Time expressions of `text` in order, normalised against `published` (the DCT)."""
    lower = _lowered(text)
    state = Narrative(dct=published, history=None, lower=lower)  # history: decided when asked
    out: list[TimeExpression] = []
    last_end = 0
    for start, end, rule in _candidates(lower):
        if start < last_end or (ignored and _inside(start, end, ignored)):
            continue  # inside an expression that read on ("the night of 8 November")
        sub = RULE_REGEX[rule].match(text, start)  # no endpos: lookaheads read on
        if sub is None:
            continue
        cand = Cand(sub, text, start, end, state)
        try:
            found = HANDLERS[rule](cand)
        except (ValueError, OverflowError, KeyError):
            found = None  # a malformed date ("Feb. 30") is no expression, never a crash
        if found is None:
            continue
        if cand.narrated:
            found.narrative = True
        elif cand.aside:
            found.anchors = False
        if found.core is not None:
            start, end = start + found.core[0], start + found.core[1]
        lead = None
        if found.core is None and rule in _TRIMMED:
            lead = _EARLIER_LATER.match(text, start, end)
            if lead:  # TimeML leaves "earlier" out of "earlier this month"
                start = lead.end()
        span = _timespan(found)
        if lead and published is not None and span.start is not None and span.end is not None \
                and span.start <= published <= span.end:
            # "earlier this month" lies before the article's day, "later this year" after it
            if lead.group().lower().startswith("e"):
                span = replace(span, end=published, approximate=True)
            else:
                span = replace(span, start=published, approximate=True)
        # "nce" first, in the lower-cased text: no letter but these matches them ignoring case
        if span.start is not None and published is not None and lower.find(
                "nce", max(0, start - 8), start) >= 0 and _SINCE.search(
                text, max(0, start - 8), start):
            # "since March 2011": a period still running on the article date
            span = replace(span, end=max(published, span.end or published), open_end=True)
        if (found.anchors and (found.explicit or found.narrative) and span.start is not None
                and _behind_the_story(state, span.start) and looks_back(text, start, end)):
            found.anchors = False  # a look back from a history: "the war of June 1967"
        if found.anchors and span.granularity == ts.YEAR and names_a_thing(text, start, end):
            found.anchors = False  # "the 1974 disengagement agreement": no time of the story
        out.append(_expression(text[start:end], (start, end), found.type, span, found.relative))
        _remember(state, found, span, end)
        last_end = end
    return out
