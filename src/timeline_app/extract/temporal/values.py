"""What every handler shares: the candidate and its result, and TIMEX3 value arithmetic.

A handler (dates.py, relative.py, durations.py) reads a `Cand` (the candidate re-read by its
rule, the document and the narrative state) and returns a `Found` (type, value, granularity,
mod) or None. The helpers here move dates by TIMEX3 units, write values at a granularity and
choose the year of a month named without one.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline_app.domain import timespan as ts

from .anchoring import CLAUSE_END, FUTURE, PAST, Narrative, clause_start, future_in_past, tense
from .calendar import (
    add_days,
    add_months,
    day_value,
    month_end,
    month_value,
    quarter_of,
    week_value,
)
from .lexicon import (
    MONTHS,
    NUMBERS,
    UNITS,
    VAGUE_NUMBERS,
)


@dataclass(slots=True)
class Found:
    type: str
    value: str
    granularity: str = ""
    mod: str | None = None
    relative: bool = False
    start: date | None = None
    end: date | None = None
    approximate: bool = False
    explicit: bool = False  # carries its own year: may anchor what follows
    core: tuple[int, int] | None = None  # sub-span to report, relative to the candidate
    anchors: bool = True  # may anchor what follows (a year-back comparison does not)
    calendar: bool = True  # a calendar period (a fiscal quarter is numbered otherwise)
    # counted from the story's last date ("the following year", "two years later"): its year
    # becomes the narrative's, like a year written out
    narrative: bool = False


@dataclass(slots=True)
class Cand:
    m: re.Match[str]
    text: str  # whole document
    start: int
    end: int
    state: Narrative
    # the handler dated it by the narrative's year (year_for_month): like a year written out,
    # it carries the narrative on ("On February 28 ... on March 3" stays in that year)
    narrated: bool = False
    # a look ahead that the story returns from ("By January half a million troops were in
    # the Gulf", told in August): it neither moves the narrative nor anchors what follows
    aside: bool = False

    def g(self, name: str) -> str | None:
        try:
            return self.m.group(name)
        except IndexError:
            return None

    @property
    def dct(self) -> date | None:
        return self.state.dct

    def tense(self) -> str | None:
        return tense(self.text, self.start, self.end)

    def future(self) -> bool:
        return self.tense() == FUTURE


Handler = Callable[[Cand], Found | None]


_PREMODS = (
    ("early", "START"), ("beginning", "START"), ("start", "START"), ("turn", "START"),
    ("mid", "MID"), ("middle", "MID"), ("late", "END"), ("end", "END"), ("close", "END"),
)


_QMODS = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "fewer than": "LESS_THAN", "under": "LESS_THAN", "barely": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE",
    "up to": "EQUAL_OR_LESS", "at most": "EQUAL_OR_LESS",
}


_WS = re.compile(r"[\s-]+")


@lru_cache(maxsize=8192)  # the same few words over and over
def norm(word: str | None) -> str:
    return _WS.sub(" ", word.strip().lower()) if word else ""


def premod(word: str | None) -> str | None:
    w = norm(word)
    if not w:
        return None
    for key, mod in _PREMODS:
        if key in w:
            return mod
    return None


# qualifiers a length leaves out of its span ("about two weeks" is "two weeks", APPROX);
# "more than", "nearly" stay in
LOOSE_QMODS = frozenset({"about", "around", "approximately", "roughly", "some", "just", "only"})


def qmod(word: str | None) -> str | None:
    return _QMODS.get(norm(word))


def number(word: str | None) -> float | None:
    """A count written in digits or words; None for vague counts ("several")."""
    w = norm(word)
    if not w or w in VAGUE_NUMBERS or w.startswith("hundreds"):
        return None
    if w in NUMBERS:
        return NUMBERS[w]
    parts = w.split(" ")
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        return NUMBERS[parts[0]] + NUMBERS[parts[1]]
    try:
        return float(w.replace(",", ""))
    except ValueError:
        return None


def unit_code(word: str | None) -> str:
    w = norm(word)
    w = w[:-3] + "y" if w.endswith("ies") else w.rstrip("s")
    return UNITS.get(w, "D")


_FRACTION_UNITS = {"Y": (12, "M"), "D": (24, "H"), "TH": (60, "M"), "TM": (60, "S"),
                   "W": (7, "D")}


def duration_value(n: float | None, code: str) -> str:
    if n is not None and not float(n).is_integer() and code in _FRACTION_UNITS:
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M
        per, small = _FRACTION_UNITS[code]
        whole, rest = int(n), round((n - int(n)) * per)
        t = "T" if code.startswith("T") or small == "H" else ""
        big = code[-1]
        if whole == 0:
            return f"P{t}{rest}{small}"
        if small == "H":
            return f"P{whole}{big}T{rest}H"
        return f"P{t}{whole}{big}{rest}{small}"
    count = "X" if n is None else (str(int(n)) if float(n).is_integer() else f"{n:g}")
    if code == "DE":
        code, count = "Y", count if n is None else str(int(n * 10))
    elif code == "CE":
        code, count = "Y", count if n is None else str(int(n * 100))
    elif code == "2W":
        code, count = "W", count if n is None else str(int(n * 2))
    elif code == "WE":
        code, count = "D", count if n is None else str(int(n * 2))
    if code.startswith("T"):
        return f"PT{count}{code[1]}"
    return f"P{count}{code}"


def value_at(d: date, gran: str) -> str:
    if gran == ts.YEAR:
        return f"{d.year:04d}"
    if gran == ts.MONTH:
        return month_value(d)
    if gran == ts.WEEK:
        return week_value(d)
    if gran == ts.QUARTER:
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if gran == ts.DECADE:
        return f"{d.year // 10:03d}"
    if gran == ts.CENTURY:
        return f"{d.year // 100:02d}"
    return day_value(d)


UNDERSPECIFIED = {
    ts.YEAR: "XXXX", ts.MONTH: "XXXX-XX", ts.WEEK: "XXXX-WXX", ts.QUARTER: "XXXX-QX",
    ts.DAY: "XXXX-XX-XX", ts.DECADE: "XXX", ts.CENTURY: "XX",
}


CODE_GRAN = {
    "D": ts.DAY, "W": ts.WEEK, "M": ts.MONTH, "Q": ts.QUARTER, "Y": ts.YEAR, "DE": ts.DECADE,
    "CE": ts.CENTURY, "WE": ts.WEEK, "2W": ts.WEEK, "TH": ts.TIME, "TM": ts.TIME, "TS": ts.TIME,
}


GRAN_ORDER = (ts.CENTURY, ts.DECADE, ts.YEAR, ts.QUARTER, ts.MONTH, ts.WEEK, ts.DAY)


def shift(d: date, n: int, code: str) -> date:
    if code == "D":
        return add_days(d, n)
    if code in ("W", "WE"):
        return add_days(d, 7 * n)
    if code == "2W":
        return add_days(d, 14 * n)
    if code == "M":
        return add_months(d, n)
    if code == "Q":
        return add_months(d, 3 * n)
    if code == "Y":
        return add_months(d, 12 * n)
    if code == "DE":
        return add_months(d, 120 * n)
    if code == "CE":
        return add_months(d, 1200 * n)
    return d


def relative_date(c: Cand, base: date | None, n: int, code: str, gran: str) -> Found:
    if base is None:
        return Found("DATE", UNDERSPECIFIED.get(gran, "XXXX-XX-XX"), gran, relative=True)
    return Found("DATE", shifted_value(base, n, code, gran), gran, relative=True)


@lru_cache(maxsize=8192, typed=True)  # "last year" against one date, over and over; pure
def shifted_value(base: date, n: int, code: str, gran: str) -> str:
    """The value, at granularity `gran`, of `base` moved by n units of `code`."""
    return value_at(shift(base, n, code), gran)


def year_for_month(c: Cand, month: int, day: int | None = None) -> int | None:
    """The year of a month named without one: the narrative's year in a history; else by
    tense (the next one for the future, the last one for the past); else the nearest one.
    The second end of a range ("between May and July") follows the first."""
    st = c.state
    if (st.anchor is not None and 0 <= c.start - st.anchor_end < 30
            and st.anchor_granularity in (ts.MONTH, ts.DAY)
            and RANGE_LINK.search(c.text, max(0, c.start - 12), c.start)
            and c.text[c.end:c.end + 2] not in ("'s", "\u2019s")):  # "revision Friday to
        # December's figures" names no range
        y = st.anchor.year
        return y if (month, day or 31) >= (st.anchor.month, st.anchor.day) else y + 1
    t = c.tense()
    ny = c.state.narrative_year(c.start)
    if ny is not None and (t != FUTURE or future_in_past(c.text, c.start, c.end)):
        # a plan told in the past ("agreed to meet again in January") lies in the story's
        # years, but the story goes on from where it was
        c.narrated, c.aside = t != FUTURE, t == FUTURE
        return narrative_step(c, ny, month, day)
    d = c.dct
    if d is None:
        return None
    if day is None:
        if month == d.month:
            return d.year
        next_year = d.year if month > d.month else d.year + 1
        prev_year = d.year if month < d.month else d.year - 1
        ahead, behind = (month - d.month) % 12 * 30, (d.month - month) % 12 * 30
    else:
        if (month, day) == (d.month, d.day):
            return d.year
        next_year = d.year if (month, day) > (d.month, d.day) else d.year + 1
        prev_year = d.year if (month, day) < (d.month, d.day) else d.year - 1
        ahead = (clamped_day(next_year, month, day) - d).days
        behind = (d - clamped_day(prev_year, month, day)).days
    if DEADLINE.search(c.text, max(0, c.start - 12), c.start) and not _PERIOD_TO.search(
            c.text, max(0, c.start - 20), c.start):
        t = None  # "by February", "through January": a deadline, whatever the verb; but "in
        # the 12 months to March, prices rose" ends a period told in its own tense
    # a tense does not reach across most of a year when the other reading is days away
    if t == FUTURE and not (behind <= 45 and ahead > 180):
        return next_year
    if t == PAST and not (ahead <= 45 and behind > 180):
        return prev_year
    if t == PAST and st.year == prev_year and 0 <= c.start - st.year_pos <= _YEAR_IN_VIEW:
        # "between November 2023 and March 2024 ... struck twice in February" in a January
        # 2025 story: the year just written out settles which February the past verb meant
        return prev_year
    if t is None and DEADLINE.search(c.text, max(0, c.start - 12), c.start):
        # "by August", "extended the sanctions until July 31" in late January: a deadline
        # lies ahead unless it is much nearer behind
        return next_year if ahead <= 2 * behind else prev_year
    # news mostly looks back: a bare month is a coming one only when much nearer ahead
    bias = 1.5 if day is not None else 3
    return next_year if ahead * bias < behind else prev_year


# how far back the story's last date may lie for a bare month to be placed after it
_STEP_REACH = 1500
_SLACK_DAYS = 60
_BY = re.compile(r"\bby\s+$", re.IGNORECASE)
_PLUPERFECT = re.compile(r"\bhad\b", re.IGNORECASE)


def narrative_step(c: Cand, ny: int, month: int, day: int | None) -> int:
    """The year of a bare month (or day of a month) in a history: the narrative's year, or
    the next one when the story moves on into it. A history told forward names months in
    order: after "August 7, 1990", "By January" or "on March 3" lies in 1991 when that is
    nearer ahead than the same month back in 1990 is behind, and a deadline ("by", "until")
    or a plan told in the past (c.aside: "would resume in June") lies ahead unless it is
    only weeks back. A look
    back in the pluperfect ("in May the talks had failed") stays in the narrative's year."""
    st = c.state
    a = st.anchor
    if (a is None or a.year != ny or st.anchor_granularity not in (ts.DAY, ts.MONTH, ts.WEEK)
            or not 0 <= c.start - st.anchor_end <= _STEP_REACH):
        return ny
    if day is None:
        back = (a.month - month) * 30  # whole months, in days
        ahead = 360 - back
    else:
        if (month, day) >= (a.month, a.day):
            return ny
        back = (a - clamped_day(ny, month, day)).days
        ahead = (clamped_day(ny + 1, month, day) - a).days
    if back <= 0 or _in_pluperfect(c):
        return ny
    deadline = DEADLINE.search(c.text, max(0, c.start - 12), c.start)
    # a deadline or a plan lies ahead of the story, unless it is only weeks before the last
    # date told (which the story need not have reached in order)
    if ahead >= back and not ((deadline is not None or c.aside) and back > _SLACK_DAYS):
        return ny
    if deadline is not None and _BY.search(c.text, max(0, c.start - 4), c.start):
        c.narrated, c.aside = False, True
    return ny + 1


def _in_pluperfect(c: Cand) -> bool:
    """Whether the clause of the candidate is told in the pluperfect ("had taken")."""
    left = c.text[max(0, c.start - 110):c.start]
    left = left[clause_start(left):]
    right = c.text[c.end:c.end + 80]
    stop = CLAUSE_END.search(right)
    if stop:
        right = right[:stop.start()]
    return _PLUPERFECT.search(left) is not None or _PLUPERFECT.search(right) is not None


def month_number(word: str | None) -> int | None:
    w = norm(word).rstrip(".")
    return MONTHS.get(w)


# how near a year written out must be to date a bare month of a past verb (see year_for_month)
_YEAR_IN_VIEW = 200

RANGE_LINK = re.compile(r"(?:\band|\bto|\buntil|\bthrough|\btill|\bor|[-\u2013\u2014])\s*$",
                         re.IGNORECASE)


# "the 12 months to March", "the year to June 30": the end of a period, not a deadline
_PERIOD_TO = re.compile(r"\b(?:months|years?|weeks|quarters?|days|period)\s+to\s+$",
                        re.IGNORECASE)
# "payable Dec. 7", "extended to Nov. 16", "by May": a deadline, the nearest such day
DEADLINE = re.compile(r"\b(?:by|until|till|through|to|before|effective|payable)\s+$",
                       re.IGNORECASE)


def clamped_day(year: int, month: int, day: int) -> date:
    return date(year, month, min(day, month_end(year, month).day))


def valid_day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# ---- handlers ---------------------------------------------------------------------------
