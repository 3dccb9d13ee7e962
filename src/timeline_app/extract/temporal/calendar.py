"""A tiny date arithmetic layer: move by calendar units, and turn a TIMEX3 value into days.

Month and year steps clamp the day (Feb 29 + 1 year -> Feb 28), so leap days never raise.
"""

from __future__ import annotations

import calendar as _cal
import re
from datetime import date, timedelta
from functools import lru_cache

from timeline_app.domain import timespan as ts

from .lexicon import SEASON_MONTHS


def add_months(d: date, months: int) -> date:
    index = d.year * 12 + d.month - 1 + months
    year, month = divmod(index, 12)
    year = min(max(year, 1), 9999)
    day = min(d.day, _cal.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


def add_days(d: date, days: int) -> date:
    try:
        return d + timedelta(days=days)
    except OverflowError:
        return d


def month_end(year: int, month: int) -> date:
    return date(year, month, _cal.monthrange(year, month)[1])


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def week_value(d: date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def day_value(d: date) -> str:
    return d.isoformat()


def month_value(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T(MO|AF|EV|NI|\d\d(?::\d\d)?))?$")
_MONTH = re.compile(r"(\d{4})-(\d\d)$")
_YEAR = re.compile(r"(\d{4})$")
_WEEK = re.compile(r"(\d{4})-W(\d\d?)(-WE)?$")
_PART = re.compile(r"(\d{4})-(Q[1-4]|H[12]|SP|SU|FA|WI)$")
_DECADE = re.compile(r"(\d{3})$")
_CENTURY = re.compile(r"(\d{2})$")


@lru_cache(maxsize=4096)  # a story repeats its values; pure, so cached
def granularity_of(value: str) -> str:
    """The timeline granularity a TIMEX3 value is written at."""
    m = _DAY.match(value)
    if m:
        if m.group(4) is None:
            return ts.DAY
        return ts.PART_OF_DAY if m.group(4).isalpha() else ts.TIME
    if _MONTH.match(value):
        return ts.MONTH
    if _YEAR.match(value):
        return ts.YEAR
    if _WEEK.match(value):
        return ts.WEEK
    m = _PART.match(value)
    if m:
        p = m.group(2)
        return ts.QUARTER if p[0] == "Q" else ts.HALF if p[0] == "H" else ts.SEASON
    if _DECADE.match(value):
        return ts.DECADE
    if _CENTURY.match(value):
        return ts.CENTURY
    if value.endswith("_REF"):
        return ts.REFERENCE
    if value.startswith("P"):
        return ts.DURATION
    return ts.UNKNOWN


def _range(value: str) -> tuple[date, date] | None:
    m = _DAY.match(value)
    if m:
        d = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        return d, d
    m = _MONTH.match(value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        return date(y, mo, 1), month_end(y, mo)
    m = _YEAR.match(value)
    if m:
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31)
    m = _WEEK.match(value)
    if m:
        monday = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        if m.group(3):
            return add_days(monday, 5), add_days(monday, 6)
        return monday, add_days(monday, 6)
    m = _PART.match(value)
    if m:
        y, p = int(m.group(1)), m.group(2)
        if p[0] == "Q":
            q = int(p[1])
            return date(y, 3 * q - 2, 1), month_end(y, 3 * q)
        if p[0] == "H":
            h = int(p[1])
            return date(y, 6 * h - 5, 1), month_end(y, 6 * h)
        first, last = SEASON_MONTHS[p]
        if p == "WI":  # winter 2013 runs Dec 2013 - Feb 2014
            return date(y, 12, 1), month_end(y + 1, 2)
        return date(y, first, 1), month_end(y, last)
    m = _DECADE.match(value)
    if m:
        y = int(m.group(1)) * 10
        return date(max(y, 1), 1, 1), date(y + 9, 12, 31)
    m = _CENTURY.match(value)
    if m:
        y = int(m.group(1)) * 100
        return date(max(y, 1), 1, 1), date(y + 99, 12, 31)
    return None


_MOD_FRACTIONS = {"START": (0.0, 0.34), "MID": (0.33, 0.67), "END": (0.66, 1.0)}


@lru_cache(maxsize=4096)  # pure: dates are immutable
def span_for_value(value: str, mod: str | None = None) -> tuple[date | None, date | None, bool]:
    """Inclusive day range covered by a value, narrowed by START/MID/END; and whether fuzzy."""
    try:
        rng = _range(value)
    except ValueError:
        return None, None, False
    if rng is None:
        return None, None, False
    start, end = rng
    if mod in _MOD_FRACTIONS and end > start:
        lo, hi = _MOD_FRACTIONS[mod]
        days = (end - start).days
        return (add_days(start, round(days * lo)), add_days(start, round(days * hi)), True)
    # a season's edges are a convention (the meteorological one here; the astronomical one
    # starts three weeks later), so its days are approximate
    return start, end, mod in ("APPROX", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE") or (
        value[-3:] in _SEASON_SUFFIXES)


_SEASON_SUFFIXES = frozenset({"-SP", "-SU", "-FA", "-WI"})
