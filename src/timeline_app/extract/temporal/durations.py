"""Handlers for lengths and repetitions: durations ("three days", "the past two years", "for
weeks") and sets ("every week", "twice a day").
"""

from __future__ import annotations

import re
from datetime import date

from timeline_app.domain import timespan as ts

from .calendar import add_days, span_for_value
from .lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    SETS,
    WEEKDAYS,
)
from .values import (
    CODE_GRAN,
    LOOSE_QMODS,
    Cand,
    Found,
    duration_value,
    month_number,
    norm,
    number,
    qmod,
    relative_date,
    shift,
    unit_code,
    value_at,
)


def h_duration(c: Cand) -> Found | None:
    n = number(c.g("num"))
    if (c.g("half") or c.g("half2")) and n is not None:
        n += 0.5  # "two and a half", "2 1/2", "a minute and a half"
    num_word = norm(c.g("num"))
    if n is not None and n > 10_000:
        return None
    unit = norm(c.g("unit"))
    code = unit_code(unit)
    if num_word in ("a", "an") and unit.rstrip("s") in ("second", "minute") and not c.g("half2"):
        return None  # "a second time", "wait a minute"
    if num_word == "many" and c.text[max(0, c.start - 3):c.start].lower() == "as ":
        return None  # "the third attack in as many weeks": a count of events
    sep = c.text[c.m.end("num"):c.m.start("unit")]
    if n is not None and (n >= 100 or code == "TS") and not unit.endswith("s") and "-" not in sep:
        return None  # "the 1988 second quarter": a count needs a plural or a hyphen
    if num_word in ("a", "an") and _RATE.search(c.text, max(0, c.start - 30), c.start):
        return None  # "$2 million a year", "700 seats a week": a rate, not a time
    if code == "Q" and n is not None and re.match(r"\s+of\b|[\s-]+point",
                                                   c.text[c.end:c.end + 7]):
        return None  # "three-quarters of", "a quarter-point": fractions
    if (code == "Q" and num_word in ("a", "one")
            and re.search(r"\bby\s+$", c.text[max(0, c.start - 4):c.start], re.IGNORECASE)):
        return None  # "sales have grown by a quarter": a fraction of an amount
    if num_word == "one" and unit == "day" and _MODAL_BEFORE.search(c.text, max(0, c.start - 12),
                                                                      c.start):
        return Found("DATE", "FUTURE_REF", ts.REFERENCE, relative=True)  # "will one day be"
    rel = norm(c.g("rel"))
    if (c.text[max(0, c.start - 3):c.start].lower() == "in " and n is not None
            and float(n).is_integer() and not rel and not c.g("qmod") and code in _POINT_CODES
            and _IN_BEFORE.search(c.text, max(0, c.start - 4), c.start)
            and c.dct is not None and not _OF_AFTER.match(c.text, c.end) and c.future()):
        # "will be redeemed in five years": the time that far ahead, a date (TimeML), not a
        # length; "within five years" and "in five years of talks" stay lengths
        return relative_date(c, c.dct, int(n), code, CODE_GRAN[code])
    f = Found("DURATION", duration_value(n, code), ts.DURATION, mod=qmod(c.g("qmod")))
    if code == "M" and n in (6, 9) and _year_so_far(c, rel):
        # "In the (first) nine months, ...": the report moves from its quarter (or the day it
        # was given) to the year so far; "a year earlier" and "the 1988 period" that follow
        # are that year's, not its quarter's
        st = c.state
        st.anchor_granularity = ts.YEAR
        st.year_so_far, st.year_so_far_end = int(n), c.end
    # TimeML spans keep "nearly", "more than", "at least" (a mod of the length) and "the nine
    # months", but leave out "about", "only" and the "the" of an adjective: "the two-week visit"
    core = c.m.end("qmod") if norm(c.g("qmod")) in LOOSE_QMODS else c.start
    if not rel and c.text[core:core + 4].lower() == "the " and "-" in sep:
        core += 4
    if core != c.start:
        f.core = (core - c.start, c.end - c.start)
    if rel in ("past", "last", "next", "coming", "recent") and c.dct is not None and n:
        k = int(n) if float(n).is_integer() else 0
        if k and code in ("D", "W", "M", "Q", "Y", "DE"):
            if rel in ("next", "coming"):
                f.start, f.end = c.dct, shift(c.dct, k, code)
            else:
                f.start, f.end = shift(c.dct, -k, code), c.dct
            f.relative = True
    return f


_POINT_CODES = frozenset({"D", "W", "M", "Y"})
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)


_SINCE_AFTER = re.compile(
    r"\s+(?:since|after|before|of|to|until|till|that|when|ahead|in\s+which)\b", re.IGNORECASE)
_FINER_THAN_YEAR = frozenset({ts.QUARTER, ts.MONTH, ts.WEEK, ts.DAY})


def _year_so_far(c: Cand, rel: str) -> bool:
    """ "the nine months", "the first six months" of a report that was on a quarter or a day:
    the part of the year so far. A window up to now ("the past six months") is no such part."""
    if rel not in ("first", "latest", ""):
        return False
    if not rel and c.text[c.start:c.start + 4].lower() != "the ":
        return False  # "for nine months": a length, not the year's first months
    if _SINCE_AFTER.match(c.text, c.end):
        return False  # "the nine months since the coup": counted from an event
    st = c.state
    return st.anchor is not None and st.anchor_granularity in _FINER_THAN_YEAR


def h_long(c: Cand) -> Found | None:
    """ "a day-long meeting" (P1D), "a decades-long feud" (PXY): how long, as a modifier."""
    unit = norm(c.g("unit"))
    count = None if unit.endswith("s") else 1
    return Found("DURATION", duration_value(count, unit_code(unit)), ts.DURATION)


_MODAL_BEFORE = re.compile(  # "hopes to one day", but not "up to one day" (an amount)
    r"\b(?:will|would|could|may|might|shall|can|should|must"
    r"|(?<!\bup\s)(?<!\bdue\s)(?<!close\s)(?<!\bfrom\s)to)\s+$", re.IGNORECASE)


_RATE = re.compile(
    r"(?:\d|\b(?:million|billion|thousand|hundred|dozen|two|three|four|five|six|seven|eight"
    r"|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety))\s+(?:[a-z]+\s+)?$")


_AMOUNT_BEFORE = re.compile(
    r"(?:\d%?|percent|million|billion|thousand|hundred)\s+(?:[a-z]+\s+)?$", re.IGNORECASE)


_FOR = re.compile(r"\b(?:for|within|in|over|after|from)\s+$", re.IGNORECASE)
# "the journey took weeks", "the siege lasted months": a verb of length before the bare plural
_TOOK = re.compile(r"\b(?:took|take|takes|taking|lasted|last|lasts|lasting)\s+$",
                   re.IGNORECASE)
# "decades later", "weeks earlier", "months ahead", "days before the vote": an unknown count
# of units after (before) the story's date; TimeML marks the length, "later" being the signal
_LATER = re.compile(r"\s+(?:later|earlier|ahead|before|after)\b", re.IGNORECASE)
# "in the weeks before the shooting" (TimeBank dates that stretch by the event, which we
# cannot), "a matter of days before": no length of its own
_THE_OR_OF = re.compile(r"\b(?:the|of)\s+$", re.IGNORECASE)


def h_fraction(c: Cand) -> Found | None:
    """ "a quarter of a century" (P25Y), "three quarters of an hour" (PT45M): a fraction of
    one unit, written in the unit below when it does not come out whole."""
    share = 0.75 if norm(c.g("frac")).startswith("three") else 0.25
    code = unit_code(c.g("unit"))
    if code in ("DE", "CE"):  # counted in years, which take a fraction in months
        share, code = share * (10 if code == "DE" else 100), "Y"
    f = Found("DURATION", duration_value(share, code), ts.DURATION, mod=qmod(c.g("qmod")))
    if norm(c.g("qmod")) in LOOSE_QMODS:
        f.core = (c.m.end("qmod") - c.start, c.end - c.start)
    return f


def h_units(c: Cand) -> Found | None:
    """A bare plural: "for weeks", "within days", "in years", "took weeks", "decades later"
    (an unknown count)."""
    if not (_FOR.search(c.text, max(0, c.start - 8), c.start)
            or _TOOK.search(c.text, max(0, c.start - 8), c.start)
            or (_LATER.match(c.text, c.end) and not _THE_OR_OF.search(
                c.text, max(0, c.start - 4), c.start))):
        return None
    code = unit_code(c.g("unit") or c.g("unit2"))
    f = Found("DURATION", duration_value(None, code), ts.DURATION)
    if c.g("unit"):
        _stretch(c, f, code)
    return f


_WITHIN = re.compile(r"\bwithin\s+$", re.IGNORECASE)
_LATER_OR_EARLIER = re.compile(r"\s+(later|earlier)\b", re.IGNORECASE)
_FEW = 3  # "weeks later", "within days": some three of them, as "a few days later"
_ANCHOR_REACH = 1500  # characters the story's last date stays what "weeks later" counts from


def _stretch(c: Cand, f: Found, code: str) -> None:
    """The days a bare plural after or before the story's date covers, approximately: "within
    weeks" (from the date just told, or from the article date for a future), "weeks later"
    (from one to some three of them after it), "days earlier" (before it). TimeML keeps the
    length (PXW); a timeline still needs to know where to put what happened then."""
    within = _WITHIN.search(c.text, max(0, c.start - 8), c.start) is not None
    step = _LATER_OR_EARLIER.match(c.text, c.end)
    if not within and step is None:
        return
    st = c.state
    first: date | None
    last: date | None
    if within and c.dct is not None and c.future():
        first = last = c.dct
    elif st.anchor is not None and 0 <= c.start - st.anchor_end <= _ANCHOR_REACH:
        first, last, _ = span_for_value(value_at(st.anchor, st.anchor_granularity))
        if first is None or last is None:
            return
    else:
        return
    hours = code.startswith("T")  # "within hours": that day or the next
    if within:
        f.start, f.end = first, add_days(last, 1) if hours else shift(last, _FEW, code)
    elif step is not None and step.group(1).lower() == "later":
        # (from a coarser date, "in July ... days later" is late July or early August)
        f.start, f.end = ((first, add_days(last, 1)) if hours else
                          (shift(first, 1, code), shift(last, _FEW, code)))
    else:
        f.start, f.end = ((add_days(first, -1), last) if hours else
                          (shift(first, -_FEW, code), shift(last, -1, code)))
    f.approximate = True


def h_seasons(c: Cand) -> Found | None:
    """ "the past three summers": those summers, each of them; a set of seasons (TimeML)."""
    return Found("SET", f"XXXX-{SEASONS[norm(c.g('seasons'))[:-1]]}", ts.SET)


def h_set(c: Cand) -> Found | None:
    if c.g("wdp"):  # "on Tuesday nights": every Tuesday, at night
        pod = PARTS_OF_DAY[norm(c.g("podp") or c.g("podq"))[:-1]]
        return Found("SET", f"XXXX-WXX-{WEEKDAYS[norm(c.g('wdp'))] + 1}T{pod}", ts.SET)
    if c.g("adv"):
        adv = norm(c.g("adv"))
        if adv == "annually" and _AMOUNT_BEFORE.search(c.text, max(0, c.start - 25), c.start):
            return None  # "rise 8% annually", "10,000 units annually": a rate of growth
        return Found("SET", SETS[adv], ts.SET)
    if c.g("unit2"):
        s, e = c.m.span("core")
        return Found("SET", duration_value(1, unit_code(c.g("unit2"))), ts.SET,
                     core=(s - c.start, e - c.start))
    if c.m.group(0)[:3].lower() == "per":
        return None  # "instructions per second", "miles per hour": a unit of speed or rate
    unit = norm(c.g("unit"))
    if unit.rstrip("s") in WEEKDAYS:
        return Found("SET", f"XXXX-WXX-{WEEKDAYS[unit.rstrip('s')] + 1}", ts.SET)
    if unit in PARTS_OF_DAY:
        return Found("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}", ts.SET)
    if unit.rstrip("s") == "weekend" and not c.g("num"):
        return Found("SET", "XXXX-WXX-WE", ts.SET)  # "every weekend": each one, as a weekday
    if unit in SEASONS:
        return Found("SET", f"XXXX-{SEASONS[unit]}", ts.SET)
    if month_number(unit) is not None:
        return Found("SET", f"XXXX-{month_number(unit):02d}", ts.SET)
    n = number(c.g("num")) if c.g("num") else 1
    return Found("SET", duration_value(n, unit_code(unit)), ts.SET)
