"""Handlers for expressions that name the calendar: dates, months, years, decades, centuries,
quarters, halves, seasons and holidays, with or without their year.
"""

from __future__ import annotations

import re
from datetime import date

from timeline_app.domain import timespan as ts

from .anchoring import PAST, Narrative
from .calendar import (
    add_days,
    add_months,
    day_value,
    month_value,
    quarter_of,
    week_value,
)
from .lexicon import (
    HOLIDAYS,
    MONTH_RE,
    MONTHS,
    ORDINALS,
    SEASONS,
    WEEKDAYS,
    year_number,
)
from .values import (
    DEADLINE,
    Cand,
    Found,
    month_number,
    norm,
    premod,
    valid_day,
    year_for_month,
)

_THE_ATTACKS = re.compile(r",?\s+(?:terror(?:ist)?\s+)?(?:attacks|hijackings|strikes)\b")


def h_full(c: Cand) -> Found | None:
    month = month_number(c.g("mon"))
    day = int(c.g("day") or 0)
    if month is None or not 1 <= day <= 31:
        return None
    mon_word = c.g("mon") or ""
    if not mon_word[0].isupper():
        return None
    y = c.g("year")
    mod = premod(c.g("premod"))
    if not y:  # "Oct. 12-13, 1989": the year written after the range's second day
        ahead = _RANGE_YEAR.match(c.text, c.end)
        y = ahead.group(1) if ahead else None
    # "the quarter ended Sept. 30": the day only bounds the quarter the report is about,
    # which stays what "a year earlier" and "the year-ago results" compare with
    bound = c.text.find("nd", max(0, c.start - 10), c.start) < 0 or _QUARTER_ENDED.search(
        c.text, max(0, c.start - 40), c.start) is None  # "ended", "ending": both hold "nd"
    if y:
        d = valid_day(year_number(y), month, day)
        if d is None:
            return None
        return Found("DATE", day_value(d), ts.DAY, mod=mod, explicit=True, anchors=bound)
    if (month, day) == (9, 11) and _THE_ATTACKS.match(c.text, c.end):
        # "before the 11 September attacks": the day's own name for the attacks of 2001
        return Found("DATE", "2001-09-11", ts.DAY, mod=mod, explicit=True, anchors=False)
    year = year_for_month(c, month, day)
    if year is None:
        return Found("DATE", f"XXXX-{month:02d}-{day:02d}", ts.DAY, mod=mod, relative=True)
    for yy in (year, year - 1, year - 2, year - 3):
        d = valid_day(yy, month, day)
        if d is not None:
            return Found("DATE", day_value(d), ts.DAY, mod=mod, relative=True, anchors=bound)
    return None


_QUARTER_ENDED = re.compile(r"\bquarter\s+(?:ended|ending|that\s+ended)\s+$", re.IGNORECASE)


_RANGE_YEAR = re.compile(r"\s*(?:and|to|-|\u2013)\s*\d{1,2}(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)")
_FIRST_DAY = re.compile(MONTH_RE + r"\s*\d{1,2}(?:st|nd|rd|th)?\s*(?:and|to|-|\u2013)\s*$",
                        re.IGNORECASE)


def h_second_day(c: Cand) -> Found | None:
    """ "on April 24 and 25", "Oct. 12-13": a bare day number that closes a range opened by
    a day of a month just written; it is a day of that month."""
    st = c.state
    if st.anchor is None or st.anchor_granularity != ts.DAY or not 0 <= c.start - st.anchor_end < 8:
        return None
    if not _FIRST_DAY.search(c.text, max(0, c.start - 20), c.start):
        return None
    d = valid_day(st.anchor.year, st.anchor.month, int(c.g("day") or 0))
    if d is None or d <= st.anchor:
        return None
    return Found("DATE", day_value(d), ts.DAY, relative=True)


def h_nth_day(c: Cand) -> Found | None:
    """ "It's the second day of the offensive", "Tuesday, the third day of the strike",
    "Oct. 12, the day before the crash": a day told by an event whose date is not given, so it
    has a value only when the sentence says which day it is: the article's day ("today is",
    "it's") or the day just named. Otherwise it says nothing a timeline could place."""
    before = c.text[max(0, c.start - 16):c.start]
    if c.g("ord") and _IT_IS.search(before):
        if c.dct is None:
            return Found("DATE", "XXXX-XX-XX", ts.DAY, relative=True)
        return Found("DATE", day_value(c.dct), ts.DAY, relative=True, anchors=False)
    st = c.state
    if (st.anchor is not None and st.anchor_granularity == ts.DAY
            and 0 <= c.start - st.anchor_end <= 8 and _IS_OR_COMMA.search(before)):
        return Found("DATE", day_value(st.anchor), ts.DAY, relative=True, anchors=False)
    thing = c.g("thing")
    if thing:  # "meeting the day after the diversion": the day the thing was told on
        direction = c.g("ddir")
        assert direction is not None  # in the same lookahead of the pattern as "thing"
        for noun in thing.lower().split():
            day = _day_of_the_thing(c, noun)
            if day is not None:
                step = 1 if direction.lower() == "after" else -1
                f = Found("DATE", day_value(add_days(day, step)), ts.DAY, relative=True)
                f.narrative = True
                return f
    return None


# Words after "the day after the" that name no particular thing told before.
_NOT_A_THING = frozenset("""stock market first last next same whole other world country
government president election vote meeting talks summit""".split())


def _day_of_the_thing(c: Cand, noun: str) -> date | None:
    """The day told beside the thing's word earlier ("was diverted to Minsk on May 23" for
    "the day after the diversion"): the noun's first five letters, which its verb shares
    ("diver-sion", "diver-ted"), within a few words of a day resolved before."""
    if len(noun) < 4 or noun in _NOT_A_THING:
        return None
    stem = noun[:5]
    before = c.text[:c.start].lower()
    at = before.rfind(stem)
    while at >= 0:
        if at == 0 or not before[at - 1].isalpha():
            near = [(abs(end - at), day) for end, day in c.state.days if abs(end - at) <= 120]
            if near:
                return min(near)[1]
        at = before.rfind(stem, 0, at)
    return None


def h_day_eval(c: Cand) -> Found | None:
    """ "It was a great day for Poland", "this is a sad day for the party": a day judged by
    what happened on it, where "it" or "this" is the day the story is at. That is the day just
    told of (the day the words were spoken), else the day of writing. Not "today is a sad day
    for ...", where "today" is the expression already, nor "it will be a day for ...", whose
    day is not said, nor "a day for" elsewhere ("$10 a day for food")."""
    left = _DAY_JUDGED.search(c.text, max(0, c.start - 60), c.start)
    if left is None:
        return None
    st = c.state
    if (st.anchor is not None and st.anchor_granularity == ts.DAY
            and 0 <= c.start - st.anchor_end <= _JUDGED_DAY_REACH):
        day = st.anchor
    elif c.dct is not None:
        day = c.dct
    else:
        return Found("DATE", "XXXX-XX-XX", ts.DAY, relative=True, anchors=False)
    return Found("DATE", day_value(day), ts.DAY, relative=True, anchors=False)


# "it was a", "this is an historic", "it's "a great": the day as what is judged; up to two
# words of judgement between the article and "day"
_DAY_JUDGED = re.compile(
    r"\b(?:it|this|that)\s*(?:\s(?:is|was)|['\u2019]s)\s+[\"\u201c'`]*(?:an?|the)\s+"
    r"(?:[a-z-]+\s+){0,2}$", re.IGNORECASE)
_JUDGED_DAY_REACH = 1500  # characters a day told stays the one "it was a great day" judges


# "today is", "it's", "this is": the day counted is the day of writing
_IT_IS = re.compile(r"\b(?:(?:it|today|this)\s+is|it['\u2019]s)\s+$", re.IGNORECASE)
# right after a day: "Tuesday, the third day of ...", "Monday was the fifth day of ..."
_IS_OR_COMMA = re.compile(r"(?:,\s*|\s+(?:is|was)\s+)$", re.IGNORECASE)


def h_week_of(c: Cand) -> Found | None:
    """ "the week of March 6": the week that day falls in."""
    day = h_full(c)
    if day is None or "X" in day.value:
        return day
    d = date.fromisoformat(day.value)
    return Found("DATE", week_value(d), ts.WEEK, relative=day.relative, explicit=day.explicit)


_NTH_WEEK = {"first": 1, "second": 2, "third": 3, "fourth": 4}


def h_week_nth(c: Cand) -> Found | None:
    """ "the second week of August": the week holding that month's 11th (the 4th, the 18th,
    the 25th; for "the last week", its last day but three): the middle day of those seven,
    so that the week is mostly that month's."""
    word = c.g("mon") or ""
    month = month_number(word)
    if month is None or not word[0].isupper():
        return None
    year_text = c.g("year")
    year = int(year_text) if year_text else year_for_month(c, month)
    if year is None:
        return Found("DATE", "XXXX-WXX", ts.WEEK, relative=True)
    n = _NTH_WEEK.get(norm(c.g("ord")))
    if n is None:  # "the last (final) week"
        day = add_days(add_months(date(year, month, 1), 1), -4)
    else:
        day = date(year, month, 7 * (n - 1) + 4)
    return Found("DATE", week_value(day), ts.WEEK, relative=not c.g("year"),
                 explicit=bool(c.g("year")))


def h_iso(c: Cand) -> Found | None:
    if c.g("y"):
        y, mo, d = int(c.g("y") or 0), int(c.g("m") or 0), int(c.g("d") or 0)
    elif c.g("y3"):  # 22.01.2013: day first
        y, mo, d = int(c.g("y3") or 0), int(c.g("mb") or 0), int(c.g("da") or 0)
    else:  # 1/22/2013 as in US news; 22/01/2013 when the first number cannot be a month
        a, b = int(c.g("a") or 0), int(c.g("b") or 0)
        mo, d = (b, a) if a > 12 else (a, b)
        y = int(c.g("y2") or 0)
        if y < 100:
            y += 2000 if y < 50 else 1900
    day = valid_day(y, mo, d)
    if day is None:
        return None
    return Found("DATE", day_value(day), ts.DAY, explicit=True)


def h_month_year(c: Cand) -> Found | None:
    month = month_number(c.g("mon"))
    if month is None or not (c.g("mon") or "x")[0].isupper():
        return None
    year = year_number(c.g("year"))
    return Found("DATE", f"{year:04d}-{month:02d}", ts.MONTH, mod=premod(c.g("premod")),
                 explicit=True)


_VERB_AFTER = re.compile(r"\s+(?:be|have|not|also|well|face|need|want|take|make|on\b|to\b)")


_MONTH_PREP = re.compile(r"\b(?:in|since|until|by|before|after|through|last|next|early|late)\s+$",
                         re.IGNORECASE)


def h_month(c: Cand) -> Found | None:
    word = c.g("mon") or ""
    month = month_number(word)
    if month is None or not word[0].isupper():
        return None
    if len(word) <= 4 and not word.endswith(".") and word.lower() not in ("may", "june", "july"):
        return None  # "Jan", "Mar": more often names than months
    if (word.lower() in ("may", "march") and _VERB_AFTER.match(c.text, c.end)
            and not _MONTH_PREP.search(c.text, max(0, c.start - 8), c.start)):
        return None  # "may be", "march on"; but "the decision in March to endorse"
    if (word.lower() == "march" and re.match(r"\s+(?:for|of|against)\b", c.text[c.end:c.end + 9])
            and not _MONTH_PREP.search(c.text, max(0, c.start - 8), c.start)):
        return None  # "the March for Life"; but "resigned in March for health reasons"
    year = year_for_month(c, month)
    mod = premod(c.g("premod"))
    if year is None:
        return Found("DATE", f"XXXX-{month:02d}", ts.MONTH, mod=mod, relative=True)
    return Found("DATE", f"{year:04d}-{month:02d}", ts.MONTH, mod=mod, relative=True)


_NOT_A_YEAR_BEFORE = re.compile(
    r"(?:no\.|number|page|pages|route|flight|room|article|resolution|model|rule|code|section"
    r"|about|some|nearly|almost|over|than)\s*$",
    re.IGNORECASE,
)


_COUNTED_AFTER = re.compile(
    r"\s*(?:people|persons|troops|soldiers|men|women|children|km|kilometres|kilometers|miles"
    r"|tons|tonnes|dollars|euros|feet|metres|meters|members|votes|jobs|units|shares|cars"
    r"|points|pounds|barrels|workers|employees|homes|casualties|prisoners|tanks|aircraft"
    r"|planes|guns|rifles|refugees|civilians|dead|wounded)\b",
    re.IGNORECASE,
)
_NOT_A_YEAR_AFTER = re.compile(r"\s*(?-i:[a-z]+s)\b(?<!s's)")


# "in 1995 and", "the budget for 2025 has", "2024 was", "from 2027 as": a year as the
# subject of a verb, one of a list, or before a word that merely ends in "s"; not "1500 rounds"
_YEAR_VERB_AFTER = re.compile(
    r"\s*(?:in|and|to|is|was|has|does|remains|seems|looks|promises|as|its|this|his|thus"
    r"|plus|unless|whereas|across|versus)\b")
_PRE_POST = re.compile(r"(?<![a-z])(?:post|pre)-$", re.IGNORECASE)
_THE_BEFORE = re.compile(r"\b(?:the|its|their|his|her)\s+$", re.IGNORECASE)
_YEAR_LIST = re.compile(r"(?<![\d,.$])(?:1[5-9]|20)\d\d,\s+$")


def h_year(c: Cand) -> Found | None:
    year = year_number(c.g("year"))
    fiscal = c.g("fiscal")
    mod = premod(c.g("premod"))
    before = c.text[max(0, c.start - 20):c.start]
    if _PRE_POST.search(before):  # "post-1959 politics", "pre-1914 borders": a year
        return Found("DATE", f"{year:04d}", ts.YEAR, explicit=True)
    if not fiscal and not mod:
        after = c.text[c.end:c.end + 20]
        plausible = c.dct is None or c.dct.year - 150 <= year <= c.dct.year + 10
        if _COUNTED_AFTER.match(after):
            return None  # "1500 troops", "the 2000 soldiers"
        if (_NOT_A_YEAR_AFTER.match(after) and not _YEAR_VERB_AFTER.match(after)
                and not (plausible and _THE_BEFORE.search(before))):
            return None  # "1500 rounds"; but "the 1992 protests" names a year
        if before.rstrip().endswith(("$", "#")) or (
                re.search(r"\d[\s,.]*$", before) and not _YEAR_LIST.search(before)):
            return None  # "1,995"; but "in 1994, 1995 and 1997" is a list of years
        if _NOT_A_YEAR_BEFORE.search(before) and c.dct is not None and abs(year - c.dct.year) > 40:
            return None
        if _in_a_name(c, before):
            return None  # "a venture called Orion 1980, making ...": part of a name
    return Found("DATE", f"{year:04d}", ts.YEAR, mod=mod, explicit=True)


# a capitalised word inside a sentence (after a lower-case word or a comma), right before the
# year; not one ending in a period ("U.S.", "Sept.")
_NAME_BEFORE = re.compile(r"(?<=[a-z,] )(?-i:[A-Z][A-Za-z]*[a-z0-9])\s$")
# the year closes the name: punctuation or the end of the text after it
_NAME_CLOSED = re.compile(r"\s*(?:[,.;:!?)\"\u201d]|$)")
# capitalised words before a year that are times or prepositions, not names
_TIME_WORDS_BEFORE = frozenset(
    list(MONTHS) + list(WEEKDAYS) + list(SEASONS) + list(HOLIDAYS) + [
        "easter", "thanksgiving", "fiscal", "fy", "year", "class", "mid", "early", "late",
        "since", "in", "by", "until", "before", "after", "of", "from", "to", "and", "or",
        "through", "during", "circa", "for", "at", "on", "over", "around", "about", "as",
        "than", "beyond", "past", "till", "the", "this", "that", "its", "their",
    ])


def _in_a_name(c: Cand, before: str) -> bool:
    """Whether the year closes a proper name ("Orion 1980," "Agenda 2000."): it follows a
    capitalised word inside a sentence, directly, and nothing follows it in the name. A year
    that goes on to modify a noun ("the Bush 1992 campaign") is left a date."""
    m = _NAME_BEFORE.search(before)
    if m is None or m.group().strip().lower() in _TIME_WORDS_BEFORE:
        return False
    return _NAME_CLOSED.match(c.text, c.end) is not None


def h_decade(c: Cand) -> Found | None:
    mod = premod(c.g("premod"))
    if c.g("dec"):
        return Found("DATE", (c.g("dec") or "")[:3], ts.DECADE, mod=mod, explicit=True)
    if c.g("dec2"):
        d2 = int(c.g("dec2") or 0)
        # "the '80s": the latest such decade that has begun by the document date
        century = 20 if c.dct is not None and 2000 + d2 <= c.dct.year else 19
        return Found("DATE", f"{century}{d2 // 10}", ts.DECADE, mod=mod)
    words = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
             "nineties"]
    w = norm(c.g("decw"))
    if w not in words:
        return None
    return Found("DATE", f"19{words.index(w) + 2}", ts.DECADE, mod=mod)


def h_century(c: Cand) -> Found | None:
    n = ORDINALS.get(norm(c.g("ord")).replace(" ", "-"))
    if n is None:
        try:
            n = int(re.sub(r"\D", "", c.g("ord") or ""))
        except ValueError:
            return None
    if not 1 <= n <= 30:
        return None
    return Found("DATE", f"{n - 1:02d}", ts.CENTURY, mod=premod(c.g("premod")), explicit=True)


def h_month_rel(c: Cand) -> Found | None:
    """ "January this year", "June last year", "May of that year"; with a day ("May 31 that
    year", "3 March last year") the day of that month, in the year the words name."""
    word = c.g("mon") or c.g("mon2") or ""
    month = month_number(word)
    if month is None or not word[0].isupper():
        return None
    day = int(c.g("day") or c.g("day2") or 0)
    if day and not 1 <= day <= 31:
        return None
    rel = norm(c.g("rel"))
    mod = premod(c.g("premod"))
    if rel in ("this", "last", "next"):
        base = c.dct
        offset = {"this": 0, "last": -1, "next": 1}[rel]
    else:
        base = c.state.base()
        offset = {"the previous": -1, "the following": 1}.get(rel, 0)
    if base is None:
        if day:
            return Found("DATE", f"XXXX-{month:02d}-{day:02d}", ts.DAY, relative=True)
        return Found("DATE", f"XXXX-{month:02d}", ts.MONTH, mod=mod, relative=True)
    narrative = base is c.state.anchor
    if day:
        d = valid_day(base.year + offset, month, day)
        if d is None:
            return None
        return Found("DATE", day_value(d), ts.DAY, relative=True, narrative=narrative)
    return Found("DATE", f"{base.year + offset:04d}-{month:02d}", ts.MONTH, mod=mod,
                 relative=True, narrative=narrative)


def h_quarter(c: Cand) -> Found | None:
    if c.text[c.end:c.end + 1] == "-" or c.text[max(0, c.start - 4):c.start] == "-to-":
        return None  # "quarter-century", "quarter-to-quarter"
    st = c.state
    if c.g("yb"):  # "the quarter a year ago", "the corresponding period last year"
        focus = st.focus_quarter(c.start)
        if focus is not None:
            base = focus
        elif c.dct is not None:
            base = add_months(c.dct, -3)
        else:
            return Found("DATE", "XXXX-QX", ts.QUARTER, relative=True)
        back = add_months(base, -12)
        return Found("DATE", f"{back.year:04d}-Q{quarter_of(back)}", ts.QUARTER, relative=True,
                     anchors=False)
    if c.g("qn"):
        q = int((c.g("qn") or "Q1")[1])
        if c.g("qy"):
            return Found("DATE", f"{c.g('qy')}-Q{q}", ts.QUARTER, explicit=True)
        if c.dct is None:
            return Found("DATE", f"XXXX-Q{q}", ts.QUARTER, relative=True)
        return Found("DATE", f"{c.dct.year:04d}-Q{q}", ts.QUARTER, relative=True)
    if c.g("yp"):  # "the 1989 period": the quarter under discussion, in that year
        st = c.state
        focus = _fiscal_in_reach(st, c.start) or st.focus_quarter(c.start)
        if focus is not None:
            return Found("DATE", f"{c.g('yp')}-Q{quarter_of(focus)}", ts.QUARTER,
                         relative=True)
        return Found("DATE", f"{c.g('yp')}", ts.YEAR, explicit=True)
    words = norm(c.g("words")).split(" ")
    if c.g("lp"):
        words = ["latest"]
    ordinal = next((ORDINALS[w] for w in words if w in ORDINALS and ORDINALS[w] <= 4), None)
    if ordinal is not None and (c.g("yq") or c.g("ry")):
        if c.g("yq"):
            return Found("DATE", f"{c.g('yq')}-Q{ordinal}", ts.QUARTER, explicit=True)
        if c.dct is None:
            return Found("DATE", f"XXXX-Q{ordinal}", ts.QUARTER, relative=True)
        year: int | None = c.dct.year + {"last": -1, "next": 1}.get(norm(c.g("ry")), 0)
        return Found("DATE", f"{year:04d}-Q{ordinal}", ts.QUARTER, relative=True)
    joined = " ".join(words)
    year_back = any(k in joined for k in ("year earlier", "year ago", "prior year", "comparable"))
    st = c.state
    d = c.dct
    ended = _ended_on(c) if ordinal is None and not year_back and not c.g("year") else None
    if ended is not None and st.fiscal is not None and (
            0 <= c.start - st.fiscal_end < _FISCAL_REACH):
        # "earned $5 million in the fiscal first quarter. Sales for the quarter ended
        # Sept. 29 ...": the same quarter, known by its fiscal number
        return Found("DATE", f"{st.fiscal.year:04d}-Q{quarter_of(st.fiscal)}", ts.QUARTER,
                     relative=True, calendar=False)
    if ended is not None:  # "the quarter ended July 31": May to July, mostly the second
        middle = add_days(ended, -45)
        return Found("DATE", f"{middle.year:04d}-Q{quarter_of(middle)}", ts.QUARTER,
                     relative=True)
    explicit_year = c.g("year")
    rel_year = norm(c.g("rel"))
    if explicit_year:
        year = int(explicit_year)
    elif d is not None:
        year = d.year + {"last": -1, "next": 1}.get(rel_year, 0)
    else:
        year = None
    if ordinal is not None:
        if year is None:
            return Found("DATE", f"XXXX-Q{ordinal}", ts.QUARTER, relative=True)
        if not explicit_year and not rel_year and d is not None and ordinal > quarter_of(d) + 1:
            year -= 1
        if year_back:
            year -= 1
        return Found("DATE", f"{year:04d}-Q{ordinal}", ts.QUARTER, relative=not explicit_year,
                     explicit=bool(explicit_year), anchors=not year_back,
                     calendar="fiscal" not in words)
    if d is None:
        return Found("DATE", "XXXX-QX", ts.QUARTER, relative=True)
    fiscal = _fiscal_in_reach(st, c.start)
    latest = set(words) <= {"latest", "most", "recent", ""}
    if fiscal is not None and latest and not c.g("yq") and not c.g("ry"):
        # "the quarter", "the latest period" of a report on a fiscal quarter: that one, by
        # its fiscal number
        return Found("DATE", f"{fiscal.year:04d}-Q{quarter_of(fiscal)}", ts.QUARTER,
                     relative=True, calendar=False)
    reported = _reported_quarter(st, d)
    focus = st.focus_quarter(c.start)
    if any(w in ("current", "this") for w in words):
        base = d
        if reported is not None and quarter_of(reported) != quarter_of(d) and (
                _RESULTS_OF.match(c.text, c.end)) and not c.future():
            # "This quarter's loss includes ...", in a report on a quarter that has closed:
            # a quarter's results exist only once it is over, so "this" is the quarter being
            # reported (set against last year's), not the one the article is written in
            base = reported
    elif any(w in ("next", "coming") for w in words):
        base = add_months(d, 3)
    elif ("latest" in words or "recent" in words) and reported is not None:
        base = reported  # "the latest period" of a report: the quarter it is about
    elif any(w in ("latest", "last", "past", "previous", "recent") for w in words):
        base = add_months(d, -3)
    elif c.g("that") and st.anchor is not None and st.anchor_granularity == ts.QUARTER:
        base = st.anchor  # "results for that quarter": the quarter named last
    elif focus is not None:
        base = focus
    else:
        base = add_months(d, -3)
    if year_back:
        base = add_months(base, -12)
    if c.g("yq"):  # "the 1988 quarter": the quarter under discussion, in 1988
        return Found("DATE", f"{c.g('yq')}-Q{quarter_of(base)}", ts.QUARTER, relative=True,
                     anchors=False)
    if c.g("ry"):  # "last year's quarter"
        base = add_months(base, 12 * {"last": -1, "next": 1}.get(norm(c.g("ry")), 0))
        year_back = True
    return Found("DATE", f"{base.year:04d}-Q{quarter_of(base)}", ts.QUARTER, relative=True,
                 anchors=not year_back)


_FISCAL_REACH = 400  # characters a fiscal quarter stays the one "the quarter ended" names

# "'s loss", "'s results": what a quarter has earned, known only after it closes
_RESULTS_OF = re.compile(
    r"['\u2019]s\s+(?:net\s+|operating\s+|pretax\s+|pre-tax\s+)?(?:loss|losses|profit|profits"
    r"|earnings|income|results|sales|revenue|revenues|performance|figures|net)\b",
    re.IGNORECASE)

_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended)\s+(?P<mon>" + MONTH_RE + r")\s*"
                    r"(?P<day>\d{1,2})(?!\d)(?:,?\s+(?P<year>\d{4}))?", re.IGNORECASE)


def _fiscal_in_reach(st: Narrative, pos: int) -> date | None:
    """The fiscal quarter a report named a few sentences back, which "the quarter" and "the
    1988 period" go on meaning."""
    if st.fiscal is not None and 0 <= pos - st.fiscal_end < _FISCAL_REPORT_REACH:
        return st.fiscal
    return None


_FISCAL_REPORT_REACH = 1000


def _ended_on(c: Cand) -> date | None:
    """The last day of a period written "ended Sept. 30" right after it: the latest such day
    up to the story (a period that ended lies in the past)."""
    m = _ENDED.match(c.text, c.end)
    if m is None:
        return None
    month = month_number(m.group("mon"))
    if month is None:
        return None
    if m.group("year"):
        return valid_day(int(m.group("year")), month, int(m.group("day")))
    if c.dct is None:
        return None
    for year in (c.dct.year, c.dct.year - 1):
        day = valid_day(year, month, int(m.group("day")))
        if day is not None and day <= c.dct:
            return day
    return None


def _reported_quarter(st: Narrative, d: date) -> date | None:
    """The quarter a report is about: the first one it named, if that one has begun."""
    if st.quarter is not None and st.quarter <= d:
        return st.quarter
    return None


def h_year_end(c: Cand) -> Found | None:
    """ "by year-end": the close of the story's year, the day books are closed on (31
    December); "the year's end" is the last stretch of the year, like "the end of the year"."""
    closing = "'" not in c.m.group(0)
    if c.dct is None:
        if closing:
            return Found("DATE", "XXXX-12-31", ts.DAY, relative=True, anchors=False)
        return Found("DATE", "XXXX", ts.YEAR, mod="END", relative=True)
    # "up 9% since year-end": the last year-end behind the story
    back = 1 if _SINCE_BEFORE.search(c.text, max(0, c.start - 8), c.start) else 0
    year = c.dct.year - back
    if closing:
        # a deadline or a balance date, not a day the story moves to
        return Found("DATE", f"{year:04d}-12-31", ts.DAY, relative=True, anchors=False)
    return Found("DATE", f"{year:04d}", ts.YEAR, mod="END", relative=True)


_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)


def h_year_ago(c: Cand) -> Found | None:
    """ "the year-earlier period", "a year-ago loss": the same period a year back."""
    st = c.state
    n = 0
    if c.g("months"):  # "the year-earlier nine months": how long, as TimeML has it
        n = {"three": 3, "six": 6, "nine": 9}.get(norm(c.g("months")), 0) or int(
            c.g("months") or 0)
    elif norm(c.g("what")) == "period" and st.year_so_far and (
            st.year_so_far_end >= st.anchor_end and c.start - st.year_so_far_end < _SO_FAR_REACH):
        # "For the nine months, net rose 5%. In the year-earlier period, ...": those months
        # of last year, named like the nine months themselves
        n = st.year_so_far
    if n:
        f = Found("DURATION", f"P{n}M", ts.DURATION, relative=True)
        if c.dct is not None:  # the months of last year up to the report's quarter
            year = c.dct.year - 1
            f.start, f.end = date(year, 1, 1), add_days(add_months(date(year, 1, 1), n), -1)
        return f
    focus = st.focus_quarter(c.start)
    if focus is not None:
        back = add_months(focus, -12)
        if c.dct is not None and back.year < c.dct.year - 1:
            back = focus  # the story already moved to last year's quarter
        return Found("DATE", f"{back.year:04d}-Q{quarter_of(back)}", ts.QUARTER, relative=True,
                     anchors=False)
    if c.dct is None:
        return Found("DATE", "XXXX", ts.YEAR, relative=True)
    return Found("DATE", f"{c.dct.year - 1:04d}", ts.YEAR, relative=True)


_SO_FAR_REACH = 400  # characters "the nine months" stay what "the year-earlier period" means


_PERIOD_END = re.compile(
    r"\s+(?:ended|ending|that\s+ended|through|to\s+(?:next\s+)?" + MONTH_RE + ")",
    re.IGNORECASE)


# "later in the day", "early in the day": the day the story is on
_LATER_IN = re.compile(r"\b(?:later|earlier|late|early)\s+in\s+$", re.IGNORECASE)
_DAY_REACH = 400  # characters a day told stays the one "later in the day" is on


def _in_the_day(c: Cand) -> Found | None:
    """ "He arrived later in the day": the day just told, else the article's day. "The day"
    alone ("carry the day", "the day they met") is left alone."""
    if c.g("kind") or not _LATER_IN.search(c.text, max(0, c.start - 14), c.start):
        return None
    st = c.state
    if (st.anchor is not None and st.anchor_granularity == ts.DAY
            and 0 <= c.start - st.anchor_end <= _DAY_REACH):
        return Found("DATE", day_value(st.anchor), ts.DAY, relative=True, anchors=False)
    if c.dct is None:
        return Found("DATE", "XXXX-XX-XX", ts.DAY, relative=True)
    return Found("DATE", day_value(c.dct), ts.DAY, relative=True, anchors=False)


def h_the_unit(c: Cand) -> Found | None:
    """ "the year" (the story's year, or a fiscal year's length), "the weekend" (the last one,
    or the next when the clause speaks of the future)."""
    unit = norm(c.g("unit"))
    d = c.dct
    if unit == "day":
        return _in_the_day(c)
    if unit == "weekend":
        if d is None:
            return Found("DATE", "XXXX-WXX-WE", ts.WEEK, relative=True)
        if d.weekday() >= 5 or c.future():
            sat = add_days(d, 5 - d.weekday())
        else:
            sat = add_days(d, -2 - d.weekday())
        return Found("DATE", f"{week_value(sat)}-WE", ts.WEEK, relative=True)
    mod = premod(c.g("pm"))
    if unit == "week":
        # "For the week, the index dropped": the week of the day just told. TimeML writes the
        # week of a report's own days without its number ("1989-WXX"); the days are kept.
        st = c.state
        base = st.anchor if st.anchor is not None and st.anchor_granularity in (
            ts.DAY, ts.WEEK) else d
        if base is None:
            return Found("DATE", "XXXX-WXX", ts.WEEK, mod=mod, relative=True)
        monday = add_days(base, -base.weekday())
        return Found("DATE", f"{base.year:04d}-WXX", ts.WEEK, mod=mod, relative=True,
                     start=monday, end=add_days(monday, 6), anchors=False)
    if unit == "month":  # only "the end of the month" and the like: the month in question
        st = c.state
        fine = st.anchor_granularity in (ts.DAY, ts.WEEK, ts.MONTH)
        base = st.anchor if st.anchor is not None and fine else d
        if not mod:
            return None
        if base is None:
            return Found("DATE", "XXXX-XX", ts.MONTH, mod=mod, relative=True)
        return Found("DATE", month_value(base), ts.MONTH, mod=mod, relative=True)
    if _PERIOD_END.match(c.text, c.end) and not mod:
        return Found("DURATION", "P1Y", ts.DURATION)
    ny = c.state.narrative_year(c.start)
    if ny is not None:
        return Found("DATE", f"{ny:04d}", ts.YEAR, mod=mod, relative=True)
    if d is None:
        return Found("DATE", "XXXX", ts.YEAR, mod=mod, relative=True)
    return Found("DATE", f"{d.year:04d}", ts.YEAR, mod=mod, relative=True)


def h_half(c: Cand) -> Found | None:
    h = 1 if norm(c.g("ord") or c.g("ord2")) in ("first", "1st") else 2
    if c.g("dec"):  # "the last half of the '80s": that decade, its end
        dec = (c.g("dec") or "").strip("'s")
        if len(dec) == 2:  # '80s
            d2 = int(dec)
            century = 20 if c.dct is not None and 2000 + d2 <= c.dct.year else 19
            dec = f"{century}{d2}"
        first = int(dec[:3]) * 10 + (0 if h == 1 else 5)
        return Found("DATE", dec[:3], ts.DECADE, mod="START" if h == 1 else "END",
                     start=date(first, 1, 1), end=date(first + 4, 12, 31), explicit=True)
    if c.g("year"):
        return Found("DATE", f"{c.g('year')}-H{h}", ts.HALF, explicit=True)
    d = c.dct
    if d is None:
        return Found("DATE", f"XXXX-H{h}", ts.HALF, relative=True)
    year = d.year + {"last": -1, "next": 1}.get(norm(c.g("rel")), 0)
    return Found("DATE", f"{year:04d}-H{h}", ts.HALF, relative=True)


# The seasons of one season year: winter 1941 ("1941-WI") runs from December 1941 into
# February 1942, so it comes last.
_SEASON_ORDER = ("SP", "SU", "FA", "WI")


def _season_of(d: date) -> tuple[int, int]:
    """(season year, index in _SEASON_ORDER) of the season a day falls in."""
    if d.month <= 2:
        return d.year - 1, 3
    return d.year, (d.month - 3) // 3


def h_season(c: Cand) -> Found | None:
    word = norm(c.g("season"))
    code = SEASONS[word]
    rel = norm(c.g("rel"))
    before = c.text[max(0, c.start - 12):c.start]
    raw = c.g("season") or ""
    if raw[0].isupper() and re.search(r"[A-Z][a-z]+\s+$", before):
        return None  # "Arab Spring", "Prague Spring"
    matched = c.m.group(0).lower()
    if word in ("fall", "spring") and not rel and not c.g("year") and not matched.startswith("the"):
        return None
    if (word == "fall" and matched.startswith("the") and not rel and not c.g("year")
            and re.match(r"\s+of\s+(?!\d)", c.text[c.end:c.end + 6])):
        return None  # "the fall of the government"
    mod = premod(rel) if rel in ("early", "late", "mid") else None
    if c.g("year"):
        return Found("DATE", f"{year_number(c.g('year')):04d}-{code}", ts.SEASON, mod=mod,
                     explicit=True)
    st = c.state
    if rel in ("that", "following") or (rel in ("", "early", "late", "mid") and st.in_history()):
        # "that winter", "the following spring", a bare "in (late) spring" in a history
        ny = st.narrative_year(c.start)
        base = st.anchor or (date(ny, 6, 1) if ny else None)
        if base is not None:
            year = base.year - (1 if code == "WI" and base.month <= 2 else 0)
            if rel == "following" and base is st.anchor and st.anchor_granularity == ts.YEAR:
                year = base.year + 1  # "in 1981 ... the following spring": after that year
            elif rel == "following":  # the next such season after the one the story is in
                season_year, index = _season_of(base)
                year = season_year + (1 if _SEASON_ORDER.index(code) <= index else 0)
            return Found("DATE", f"{year:04d}-{code}", ts.SEASON, mod=mod, relative=True)
    d = c.dct
    if d is None:
        return Found("DATE", f"XXXX-{code}", ts.SEASON, mod=mod, relative=True)
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    last = first + 2 if code != "WI" else 2
    year = d.year
    if code == "WI" and d.month <= 2 and rel in ("this", "last", "past", "previous"):
        year -= 1  # in February "this winter" began last December, and "last winter" a year
        # before that
    if rel in ("last", "past", "previous"):
        if not (code != "WI" and last < d.month):
            year -= 1
    elif rel in ("next", "coming"):
        if first <= d.month:
            year += 1
    elif rel not in ("this",) and first > d.month and not c.future() and not (
            DEADLINE.search(c.text, max(0, c.start - 12), c.start) and c.tense() != PAST):
        # "must be done by the autumn", "unlikely before the summer": a deadline ahead,
        # unless told in the past ("had left by the summer")
        year -= 1
    return Found("DATE", f"{year:04d}-{code}", ts.SEASON, mod=mod, relative=True)


def easter_sunday(year: int) -> date:
    """Easter Sunday of a Gregorian year: the first Sunday after the ecclesiastical full moon
    on or after 21 March (the anonymous Gregorian computus)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_skips, century_rest = divmod(century, 4)
    moon_fix = (century + 8) // 25
    moon_lag = (century - moon_fix + 1) // 3
    epact = (19 * golden + century - leap_skips - moon_lag + 15) % 30
    four, year_rest = divmod(rest, 4)
    weekday_fix = (32 + 2 * century_rest + 2 * four - epact - year_rest) % 7
    correction = (golden + 11 * epact + 22 * weekday_fix) // 451
    month, day = divmod(epact + weekday_fix - 7 * correction + 114, 31)
    return date(year, month, day + 1)


# "after Easter", "over the Easter weekend", "Easter week": the feast as a time
_EASTER_TIME_BEFORE = re.compile(
    r"\b(?:at|on|by|before|after|until|till|since|over|during|around|for|this|last|next|of"
    r"|from|through|past)\s+(?:the\s+)?$", re.IGNORECASE)
_EASTER_TIME_AFTER = re.compile(r"\s*(?:[.,;:!?)]|$)|\s+(?:holidays?|break|recess)\b",
                                re.IGNORECASE)
# "Easter Rising", "Easter Island", "Easter Offensive": a name that holds the word
_EASTER_NAME = re.compile(r"\s+(?!(?:Sunday|Monday|Week|Day)\b)[A-Z][a-z]")


def _easter(c: Cand, name: str) -> Found | None:
    """ "Easter" (its Sunday), "Easter Monday", "Easter week" (the week that ends on Easter
    Sunday, from Palm Sunday's Monday), in the year named or the nearest one by tense."""
    if not (c.g("name") or "e")[0].isupper() or _EASTER_NAME.match(c.text, c.end):
        return None
    if name == "easter" and not c.g("year") and not (
            _EASTER_TIME_BEFORE.search(c.text, max(0, c.start - 16), c.start)
            or _EASTER_TIME_AFTER.match(c.text, c.end)):
        return None  # "Easter eggs", "the Easter parade": no time named
    year = year_number(c.g("year")) if c.g("year") else year_for_month(c, 4, 10)
    if year is None:
        return Found("DATE", "XXXX-XX-XX", ts.DAY, relative=True)
    sunday = easter_sunday(year)
    relative = not c.g("year")
    if name.endswith("weekend"):
        return Found("DATE", f"{week_value(sunday)}-WE", ts.WEEK, relative=relative)
    if name.endswith("week"):
        return Found("DATE", week_value(sunday), ts.WEEK, relative=relative)
    day = add_days(sunday, 1) if name.endswith("monday") else sunday
    return Found("DATE", day_value(day), ts.DAY, relative=relative)


def h_holiday(c: Cand) -> Found | None:
    name = norm(c.g("name"))
    if name.startswith("easter"):
        return _easter(c, name)
    after = 0  # days after the feast: the shopping days that follow Thanksgiving
    if name in ("black friday", "cyber monday"):
        name, after = "thanksgiving", 1 if name == "black friday" else 4
        if not (c.g("name") or "").istitle():
            return None  # "a black Friday for the markets": a bad day, not the sale
    if name.startswith("thanksgiving"):
        month, day = 11, 0
    elif name == "election day":
        month, day = 11, -1
    elif name in HOLIDAYS:
        month, day = HOLIDAYS[name]
    else:
        return None
    year: int | None = year_number(c.g("year")) or year_for_month(
        c, month, day if day > 0 else 5 if day < 0 else 25)
    if year is None:
        return Found("DATE", f"XXXX-{month:02d}-{day if day > 0 else 'XX'}", ts.DAY,
                     relative=True)
    if day == 0:  # fourth Thursday of November
        first = date(year, 11, 1)
        day = 1 + (3 - first.weekday()) % 7 + 21
        if after:
            return Found("DATE", day_value(add_days(date(year, 11, day), after)), ts.DAY,
                         relative=not c.g("year"))
    elif day == -1:  # the Tuesday after the first Monday of November
        first = date(year, 11, 1)
        day = 1 + (0 - first.weekday()) % 7 + 1
    return Found("DATE", day_value(date(year, month, day)), ts.DAY, relative=not c.g("year"))
