"""Handlers for expressions read against the document date or the narrative: weekdays,
"yesterday", "last week", "two days ago", "the day before", parts of day, clock times and
the PRESENT_REF / PAST_REF / FUTURE_REF references.
"""

from __future__ import annotations

import re
from datetime import date

from timeline_app.domain import timespan as ts

from .anchoring import FUTURE, PAST, clause_start, finite_past
from .calendar import (
    add_days,
    day_value,
    month_value,
    span_for_value,
    week_value,
)
from .lexicon import (
    PARTS_OF_DAY,
    REFS,
    WEEKDAYS,
)
from .values import (
    CODE_GRAN,
    GRAN_ORDER,
    LOOSE_QMODS,
    Cand,
    Found,
    clamped_day,
    duration_value,
    month_number,
    norm,
    number,
    premod,
    qmod,
    relative_date,
    shift,
    unit_code,
    valid_day,
    value_at,
    year_for_month,
)

_INDEFINITE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# what may follow "a Sunday (morning)" that is some Sunday; "a Sunday night memorial service"
# is a service, and its Sunday the one of the story
_INDEFINITE_END = re.compile(
    r"\s*(?:[.,;:!?)\"]|$)|\s+(?:in|of|at|on|when|after|before|during|and|or|that|with|while"
    r"|to|last|this|early|late)\b", re.IGNORECASE)


def _some_day(c: Cand) -> bool:
    """ "on a Sunday (morning) in January 2019": some such day, not the one of this week."""
    return (_INDEFINITE.search(c.text, max(0, c.start - 4), c.start) is not None
            and _INDEFINITE_END.match(c.text, c.end) is not None)


def h_weekday(c: Cand) -> Found | None:
    wd = WEEKDAYS.get(norm(c.g("wd")))
    if wd is None:
        return None
    if c.g("pl"):
        return Found("SET", f"XXXX-WXX-{wd + 1}", ts.SET)
    if _some_day(c):  # "arrested on a Sunday in January 2019"
        return Found("DATE", f"XXXX-WXX-{wd + 1}", ts.DAY, relative=True)
    d = c.dct
    if d is None:
        return Found("DATE", f"XXXX-WXX-{wd + 1}", ts.DAY, relative=True)
    week = c.g("wk")
    if week and not c.g("pl"):
        # "Wednesday last week": that weekday of the week named, whatever the tense
        monday = add_days(d, -d.weekday() + 7 * {"last": -1, "next": 1}.get(norm(week), 0))
        return Found("DATE", day_value(add_days(monday, wd)), ts.DAY, relative=True)
    diff = wd - d.weekday()
    if diff == 0:
        return Found("DATE", day_value(d), ts.DAY, relative=True)
    possessive = c.text[c.end:c.end + 2] in ("'s", "\u2019s")  # "Wednesday's ruling": done
    if not possessive and _until(c) and c.tense() == PAST:
        # "At a summit on July 30 it gave the junta until Sunday": a deadline set in the past
        # is the first such day after the day it was set
        base = _recent_day(c)
        return Found("DATE", day_value(add_days(base, (wd - base.weekday() - 1) % 7 + 1)),
                     ts.DAY, relative=True)
    if not possessive and (_scheduled(c) or c.future() or _until(c)):
        return Found("DATE", day_value(add_days(d, _ahead(c, diff))), ts.DAY, relative=True)
    return Found("DATE", day_value(add_days(d, -((-diff) % 7))), ts.DAY, relative=True)


# "would" (not "will") in the weekday's clause, before it or after it
_WOULD_BEFORE = re.compile(r"\bwould\b(?![^.;]*[.;])")
_WOULD_AFTER = re.compile(r"[^.;]{0,60}?\bwould\b")


def _ahead(c: Cand, diff: int) -> int:
    """Days to the weekday ahead; but a future seen from the past ("From noon on Wednesday
    the police would have 150 hours" in a Thursday story) lies nearer that past moment: a
    weekday five or six days ahead is the one of the last two days."""
    ahead = diff % 7 or 7
    if ahead > 4 and (_WOULD_BEFORE.search(c.text, max(0, c.start - 80), c.start)
                      or _WOULD_AFTER.match(c.text, c.end)):
        return ahead - 7
    return ahead


_RECENT_DAY_CHARS = 600  # how far back in the text the day a deadline was set may be told
_RECENT_DAY_DAYS = 14  # how long before the article that day may lie


def _recent_day(c: Cand) -> date:
    """The day the story told last, if it was told close by and lies in the fortnight up to
    the article date; else the article date (the caller has checked that there is one)."""
    st, d = c.state, c.dct
    assert d is not None
    a = st.anchor
    if (a is not None and st.anchor_granularity == ts.DAY
            and 0 <= c.start - st.anchor_end <= _RECENT_DAY_CHARS
            and 0 <= (d - a).days <= _RECENT_DAY_DAYS):
        return a
    return d


# News writes a scheduled event in the simple present: "the envoys meet Monday", "the court
# hears the case Tuesday", "Clinton leaves Friday for Beijing": such a verb a few words before
# the weekday, in the same clause, with no past verb between and no "to", "did" or "not"
# before it ("failed to meet on Monday", "did not meet Monday").
_SCHEDULED_VERBS = frozenset({
    "meet", "meets", "leaves", "begins", "opens", "arrives", "visits", "travels", "heads",
    "resumes", "starts", "hosts", "convenes", "reconvenes", "hears", "votes", "returns",
})
_NOT_SCHEDULED_BEFORE = frozenset({"to", "did", "not", "didn't", "never"})
_PAST_OR_REPORT = frozenset({"said", "says", "told", "was", "were", "had", "did", "ago"})


def _scheduled(c: Cand) -> bool:
    """Whether a verb of a scheduled event, in the simple present, governs the weekday."""
    words = c.text[max(0, c.start - 60):c.start].split()[-7:]
    if words and words[-1].lower() == "on":
        words.pop()
    for i in range(len(words) - 1, max(-1, len(words) - 7), -1):
        w = words[i].lower()
        if w[-1:] in ",;:.!?\"')":
            return False  # the clause ends before the weekday
        if w in _SCHEDULED_VERBS:
            return i == 0 or words[i - 1].lower() not in _NOT_SCHEDULED_BEFORE
        if w in _PAST_OR_REPORT or w.endswith("ed"):
            return False
    return False


def h_dayword(c: Cand) -> Found | None:
    w = norm(c.g("w"))
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2}.get(w)
    if offset is None:
        return None
    if w in ("today", "tomorrow") and (_GENERIC_DAY.match(c.text, c.end) or _AGE_OF.search(
            c.text, max(0, c.start - 30), c.start)):
        return None  # "today's youth", "the world of tomorrow": an age, not a day
    if c.text[c.start] == "T" and _ACRONYM_BEFORE.search(c.text, max(0, c.start - 8), c.start):
        return None  # "USA Today", "VOA Today": the name of a paper or a programme
    mod = premod(c.g("pre")) if norm(c.g("pre")) in ("early", "late") else None
    f = relative_date(c, c.dct, offset, "D", ts.DAY)
    f.mod = mod
    return f


# "today's world", "today's personal computers": the present age. The nouns are those of a
# generation or an era; "today's vote" or "today's editions" stay the day itself.
_GENERIC_DAY = re.compile(
    r"(?:'s|\u2019s)\s+(?:[a-z]+\s+)?(?:world|youth|society|generations?|children|kids|young"
    r"|teenagers|students|parents|families|technology|technologies|computers|culture|standards"
    r"|consumers|workers|women|men)\b",
    re.IGNORECASE)
_AGE_OF = re.compile(r"\bthe\s+[a-z]+\s+of\s+$", re.IGNORECASE)  # "the people of tomorrow"
_ACRONYM_BEFORE = re.compile(r"\b[A-Z]{2,}[ \t]$")  # case-sensitive: "USA ", "VOA "


def h_ref(c: Cand) -> Found | None:
    w = norm(c.g("w"))
    if w == "right now":
        w = "now"
    if w == "then":
        return _then(c)
    if w == "a while":  # "for a while": a length nobody counted
        if not _WHILE_BEFORE.search(c.text, max(0, c.start - 8), c.start):
            return None
        return Found("DURATION", "PXX", ts.DURATION)
    if w == "now" and _DISCOURSE_NOW.match(c.text, c.start) and _SENTENCE_START.search(
            c.text, max(0, c.start - 4), c.start):
        return None  # "Now, ..." opening a sentence: a discourse marker, not the present
    value = REFS.get(w)
    if value is None:
        return None
    if w in ("current", "future") and not re.match(r"\s+[a-z]", c.text[c.end:c.end + 3]):
        return None
    if w == "soon" and not _soon_ahead(c):
        return None
    if w.endswith(" term") and _NOUN_AFTER.match(c.text, c.end):
        return None  # "the long-term savings": an adjective
    f = Found("DATE", value, ts.REFERENCE)
    if value == "PRESENT_REF" and c.dct is not None:
        f.start = f.end = c.dct
        f.approximate = True
    elif w.endswith("recently") and w != "until recently" and _TIME_AFTER.match(c.text, c.end):
        return None  # "most recently last October": the time is the one that follows
    elif w.endswith("recently") or w == "lately":
        f.relative = True
        if c.dct is not None:  # news "recently": the last few months up to the article date
            f.start, f.end, f.approximate = add_days(c.dct, -_RECENTLY_DAYS), c.dct, True
    return f


_RECENTLY_DAYS = 90

# "until then", "by then": a time reached, the one just named; "since then", "and then" and
# "then" alone are a sequence of events, not a time of their own
_UNTIL_THEN = re.compile(r"\b(?:until|till|by)\s+$", re.IGNORECASE)
_THEN_REACH = 200  # characters back the time "then" stands for may have been named


def _then(c: Cand) -> Found | None:
    """ "Rights end on Nov. 30. Until then, ...": the day (or month, year) named just before."""
    st = c.state
    if (st.anchor is None or not 0 <= c.start - st.anchor_end <= _THEN_REACH
            or st.anchor_granularity not in GRAN_ORDER
            or not _UNTIL_THEN.search(c.text, max(0, c.start - 7), c.start)):
        return None
    return Found("DATE", value_at(st.anchor, st.anchor_granularity), st.anchor_granularity,
                 relative=True, anchors=False)


# a time expression right after "recently" ("most recently last October", "recently, on
# Tuesday"): it, not "recently", says when. Months only capitalised ("may", "march" are verbs).
_TIME_AFTER = re.compile(
    r",?\s+(?:(?:on|in|at)\s+)?(?:last|this|yesterday|today|(?:mon|tues|wednes|thurs|fri|satur"
    r"|sun)day|(?-i:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)"
    r"|(?:1[5-9]|20)\d\d\b)",
    re.IGNORECASE)


_WHILE_BEFORE = re.compile(r"\b(?:for|after)\s+$", re.IGNORECASE)
_DISCOURSE_NOW = re.compile(r"now\s*,", re.IGNORECASE)
_SENTENCE_START = re.compile(r"(?:^|[.!?]\W*\s|\n)\s*$")

# "as soon as", "soon after the raid": a link between two events, not a time of its own
_SOON_LINK_BEFORE = re.compile(r"\bas\s+$", re.IGNORECASE)
_SOON_LINK_AFTER = re.compile(r"\s*(?:as|after|afterwards?|before|thereafter|enough)\b",
                              re.IGNORECASE)
_MODAL_BEFORE = re.compile(r"\b(?:will|would|may|might|could|should|can|must|to|shall)"
                           r"(?:\s+\w+ly)?\s+$|'ll\s+$", re.IGNORECASE)


_NOUN_AFTER = re.compile(
    r"\s+(?!(?:and|or|but|is|are|was|were|to|as|that|when|if|because|will|would|for|in)\b)"
    r"[a-z]")


def _soon_ahead(c: Cand) -> bool:
    """ "will soon move", "may soon seek": a time still to come. A past "soon became" tells
    only that one event followed another, so it is no FUTURE_REF."""
    if _SOON_LINK_BEFORE.search(c.text, max(0, c.start - 4), c.start):
        return False
    if _SOON_LINK_AFTER.match(c.text, c.end):
        return False
    return bool(_MODAL_BEFORE.search(c.text, max(0, c.start - 20), c.start)) or c.future()


# "the early hours of the war" (a stretch of it), not "of the morning" (the hours themselves)
_OF_SOMETHING = re.compile(r"\s+of\s+(?!the\s+(?:morning|day|night)\b)")
_RECENT_DAYS = {"days": 7, "weeks": 21, "months": 120, "years": 3 * 365, "decades": 20 * 365}


def h_recent(c: Cand) -> Found | None:
    if norm(c.g("rel3")) == "early" and norm(c.g("unit3")) == "hours" and not (
        _OF_SOMETHING.match(c.text, c.end)
    ):
        # "had occupied it since the early hours": before dawn of the day the story is on
        st = c.state
        base = st.anchor if st.anchor is not None and st.anchor_granularity == ts.DAY else c.dct
        day = day_value(base) if base else None
        return Found("TIME", f"{day or 'XXXX-XX-XX'}TMO", ts.PART_OF_DAY, mod="START",
                     relative=True)
    if c.g("rel3"):  # "the first hours of the war": a stretch of unknown length
        return Found("DURATION", duration_value(None, unit_code(c.g("unit3"))), ts.DURATION)
    rel = norm(c.g("rel") or c.g("rel2"))
    unit = norm(c.g("unit") or c.g("unit2"))
    code = unit_code(unit)
    span = _RECENT_DAYS.get(unit, 30)
    if rel == "recent" and unit == "years":
        f = Found("DATE", "PAST_REF", ts.REFERENCE, relative=True)
    elif rel == "future":  # "in future years": no length, only a time to come
        f = Found("DATE", "FUTURE_REF", ts.REFERENCE, relative=True)
    else:
        f = Found("DURATION", duration_value(None, code), ts.DURATION, relative=True)
    if c.dct is not None:
        if rel in ("coming", "next", "future", "ahead"):
            f.start, f.end = c.dct, add_days(c.dct, span)
        else:
            f.start, f.end = add_days(c.dct, -span), c.dct
        f.approximate = True
    return f


def _base_for(c: Cand, anaphoric: bool) -> date | None:
    return c.state.base() if anaphoric else c.dct


def h_ago(c: Cand) -> Found | None:
    n = number(c.g("num"))
    unit = norm(c.g("unit"))
    code = unit_code(unit)
    direction = norm(c.g("dir")).removesuffix(" that").removesuffix(" this")
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    anaphoric = direction in ("later", "after", "earlier", "before", "previously")
    mod = qmod(c.g("qmod"))
    if direction in ("later", "earlier") and _THAN.match(c.text, c.end):
        # "a year later than planned", "two weeks earlier than expected": by how much, a
        # length (TimeML leaves "later" out), and no date
        f = Found("DURATION", duration_value(n, code), ts.DURATION, mod=mod)
        # "about" stays out of a length, as in durations.py; "more than" stays in
        begin = c.m.end("qmod") - c.start if norm(c.g("qmod")) in LOOSE_QMODS else 0
        end = len(c.text[c.start:c.m.start("dir")].rstrip(" -"))
        f.core = (begin, end)
        return f
    if n is None and anaphoric:
        # "a few days later": so many days from the last date told, their count unknown
        f = Found("DURATION", duration_value(None, code), ts.DURATION, mod=mod, relative=True)
        base = _base_for(c, True)
        if base is not None and not code.startswith("T"):
            # "a few", "several": about three; and at least one after (before) that date
            far, near = shift(base, sign * 3, code), shift(base, sign, code)
            f.start, f.end = (near, far) if sign > 0 else (far, near)
            f.approximate = True
        return f
    if n is None or not float(n).is_integer():
        value = "FUTURE_REF" if sign > 0 else "PAST_REF"
        return Found("DATE", value, ts.REFERENCE, mod=mod, relative=True)
    if code.startswith("T") and anaphoric:
        return _elapsed_hours(c, int(n), code, sign, mod)
    if code.startswith("T"):
        base = _base_for(c, anaphoric)
        if base is None:
            return Found("TIME", "XXXX-XX-XXTXX:XX", ts.TIME, mod=mod, relative=True)
        return Found("TIME", day_value(base), ts.DAY, mod=mod, relative=True)
    gran = CODE_GRAN.get(code, ts.DAY)
    st = c.state
    coarse = code in ("DE", "CE")
    if coarse:  # "a decade ago": the year ten years back (TimeML), no decade
        n, code, gran = n * (10 if code == "DE" else 100), "Y", ts.YEAR
    repeated = anaphoric and sign < 0 and st.ago == (int(n), code) and (
        st.anchor_end == st.ago_end)
    base = _base_for(c, anaphoric and not repeated)
    if not anaphoric:
        st.ago, st.ago_end = (int(n), code), c.end
    if (anaphoric and sign < 0 and base is not None and c.dct is not None and base > c.dct
            and shift(base, -int(n), code) > c.dct and c.tense() == PAST):
        # "Two days earlier, a convoy was hit" after talks set for next week: what was told
        # in the past tense cannot lie after the story; count from the story's date
        base = c.dct
    focus = st.focus_quarter(c.start) if code == "Y" else None
    year_back = focus is not None
    if focus is not None:  # "a year ago" in a quarterly report: that quarter a year back
        base, gran = focus, ts.QUARTER
    elif (anaphoric and not coarse and st.anchor is not None
          and st.anchor_granularity in GRAN_ORDER
          and GRAN_ORDER.index(st.anchor_granularity) > GRAN_ORDER.index(gran)):
        gran = st.anchor_granularity
    pin = c.g("pin")
    if pin and base is not None:  # "forty years ago today": the day itself, so many years back
        pin = norm(pin)
        gran = ts.WEEK if pin.endswith("week") else ts.MONTH if pin.endswith("month") else ts.DAY
    f = relative_date(c, base, sign * int(n), code, gran)
    if pin and base is not None and gran == ts.DAY and pin != "today" and len(f.value) == 10:
        # "twenty years ago tonight": that night, so many years back
        f.type, f.granularity = "TIME", ts.PART_OF_DAY
        f.value = f"{f.value}T{_PIN_PARTS[pin]}"
    f.mod = mod
    f.anchors = not year_back
    f.narrative = anaphoric and not year_back and base is not None and base is st.anchor
    if not anaphoric and not year_back and code == "Y" and n >= 2 and base is not None:
        f.narrative = True  # "Fifty years ago today, ...": the year a history opens in
    return f


_PIN_PARTS = {"tonight": "NI", "this morning": "MO", "this afternoon": "AF", "this evening": "EV"}


def _elapsed_hours(c: Cand, n: int, code: str, sign: int, mod: str | None) -> Found:
    """ "Two hours later", "forty minutes earlier": the time that passed since the story's
    last point. The story dates its events by the day, so the clock time this lands on is
    unknown and no TIME value can be written; what the words say is a length (TimeML marks
    the length and leaves "later" out as its signal). The day range stays that of the last
    day told, reaching into the next (previous) day when the hours could cross midnight, so
    that a timeline still places the event."""
    f = Found("DURATION", duration_value(n, code), ts.DURATION, mod=mod, relative=True)
    begin = c.m.end("qmod") - c.start if norm(c.g("qmod")) in LOOSE_QMODS else 0
    f.core = (begin, len(c.text[c.start:c.m.start("dir")].rstrip(" -")))
    base = _base_for(c, True)
    if base is not None:
        days = -(-n // (24 if code == "TH" else 24 * 60 if code == "TM" else 24 * 3600))
        other = add_days(base, sign * days)
        f.start, f.end = (base, other) if sign > 0 else (other, base)
        f.approximate = True
    return f


def h_anaphoric(c: Cand) -> Found | None:
    which = norm(c.g("which"))
    direction = norm(c.g("dir"))
    sign = 1 if direction in ("after", "later") else -1
    code = unit_code(which)
    gran = CODE_GRAN.get(code, ts.DAY)
    yt = norm(c.g("yt"))
    if yt:
        base = c.dct
        f = relative_date(c, base, (-1 if yt == "yesterday" else 1) + sign, "D", ts.DAY)
        return _pod(f, "NI") if which == "night" else f
    if c.g("dref"):
        if which not in ("day", "night"):
            return None
        day = _named_day(c, norm(c.g("dref")), norm(c.g("dlast")))
        if day is None:
            return Found("DATE", "XXXX-XX-XX", ts.DAY, relative=True)
        f = Found("DATE", day_value(add_days(day, sign)), ts.DAY, relative=True)
        return _pod(f, "NI") if which == "night" else f
    st = c.state
    # "the day before" counts from the last day named, not from a week or a month
    fine_enough = GRAN_ORDER.index(gran) <= GRAN_ORDER.index(st.anchor_granularity) if (
        st.anchor_granularity in GRAN_ORDER) else False
    base = st.anchor if st.anchor is not None and fine_enough else c.dct
    f = relative_date(c, base, sign, code, gran)
    f.narrative = base is not None and base is st.anchor
    # "The night before, the minister had announced": the night leading into the day told
    return _pod(f, "NI") if which == "night" else f


def _named_day(c: Cand, ref: str, rel: str) -> date | None:
    """The day of "last Tuesday", "Tuesday" or "March 3" inside a longer expression."""
    if rel:
        ref = ref[len(rel):].strip()
    if ref in WEEKDAYS and rel and c.dct is not None:
        diff = WEEKDAYS[ref] - c.dct.weekday()
        delta = (-((-diff) % 7) or -7) if rel == "last" else (diff % 7 or 7)
        return add_days(c.dct, delta)
    value, _ = _day_of(c, ref)
    return date.fromisoformat(value) if value else None


_REL_SIGN = {
    "last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1, "the last": -1,
    "next": 1, "coming": 1, "following": 1, "the following": 1, "the coming": 1, "the next": 1,
    "this": 0, "the current": 0, "that": 0, "the same": 0, "that same": 0, "the latest": -1,
}


_ANAPHORIC = {
    "following", "the following", "previous", "the previous", "that", "the same", "that same",
}


_SAME_DAY_AS = re.compile(r"\s+as\s+(?:the\s+|a\s+|its\s+|their\s+)?((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
_NOT_NAMING = frozenset("""the a an its their his her this that and of in on at to for with
signing ceremony meeting talks attack attacks vote announcement summit deal agreement visit
speech news""".split())


def _day_of_the_named(c: Cand) -> date | None:
    """The day "the same day as the Doha ceremony" means: the day told beside the thing's own
    word ("Doha") before, when one was; None for a plain "the same day"."""
    named = _SAME_DAY_AS.match(c.text, c.end)
    if named is None:
        return None
    words = [w for w in named.group(1).split() if w.lower() not in _NOT_NAMING and len(w) > 2]
    for word in words:
        at = c.text.rfind(word, 0, c.start)
        if at < 0:
            continue
        near = [(abs(end - at), day) for end, day in c.state.days if abs(end - at) <= 120]
        if near:
            return min(near)[1]
    return None


def h_rel_unit(c: Cand) -> Found | None:
    rel = norm(c.g("rel"))
    unit = norm(c.g("unit"))
    sign = _REL_SIGN.get(rel)
    if sign is None or (c.g("unit") or "x")[0].isupper():
        return None  # "This Week" is a programme
    pre = norm(c.g("pre"))
    mod = premod(c.g("pm")) or (premod(pre) if pre in ("early", "late", "mid") else None)
    if unit == "fortnight":
        return Found("DURATION", "P2W", ts.DURATION)
    code = unit_code(unit)
    if unit in ("decade", "century") and rel in ("past", "the past") and not mod:
        # "over the past decade": the ten years up to now, not the 2000s
        f = Found("DURATION", duration_value(1, code), ts.DURATION, relative=True)
        if c.dct is not None:
            f.start, f.end = shift(c.dct, -1, code), c.dct
        return f
    if (unit in ("decade", "century") and rel in ("the next", "the coming") and not mod
            and _OVER_BEFORE.search(c.text, max(0, c.start - 8), c.start)):
        # "over the next decade": the ten years from now, not the 2030s
        f = Found("DURATION", duration_value(1, code), ts.DURATION, relative=True)
        if c.dct is not None:
            f.start, f.end = c.dct, shift(c.dct, 1, code)
        return f
    anaphoric = rel in _ANAPHORIC or (unit in ("day", "night") and rel in ("the next",)) or (
        rel == "the next" and _told_in_a_history(c))
    if unit == "day" and rel in ("the same", "that same") and (
        (day := _day_of_the_named(c)) is not None
    ):
        f = Found("DATE", day_value(day), ts.DAY, relative=True)
        f.narrative = True
        return f
    base = _base_for(c, anaphoric)
    if unit in ("day", "night"):
        if rel in ("this", "the current", "the latest", "last", "past", "the past", "the last"):
            if unit == "night" and rel in ("last", "the last"):
                f = relative_date(c, c.dct, -1, "D", ts.DAY)
                return _pod(f, "NI")
            return None
        st = c.state
        if anaphoric and st.anchor is not None and st.anchor_granularity != ts.DAY and (
                sign == 0 or st.anchor_granularity == ts.MONTH):
            # "that same day" after "last October": a day of that month, which one unknown,
            # and so is "the next day" after "its decision in March" (or the first of the
            # next month: approximate); after a bare year "that day" is a day of a generic
            # example ("trades made that day")
            if st.anchor_granularity not in (ts.MONTH, ts.WEEK):
                return None
            f = Found("DATE", f"{month_value(st.anchor)}-XX", ts.MONTH, relative=True,
                      anchors=False)
            f.start, f.end, _ = span_for_value(month_value(st.anchor))
            f.approximate = True
            return f
        f = relative_date(c, base, sign, "D", ts.DAY)
        return _pod(f, "NI") if unit == "night" else f
    if unit == "weekend":
        if base is None:
            return Found("DATE", "XXXX-WXX-WE", ts.WEEK, relative=True)
        sat = add_days(base, 5 - base.weekday())
        if sign < 0 and sat >= base:
            sat = add_days(sat, -7)
        elif sign > 0 and sat <= base:
            sat = add_days(sat, 7)
        return Found("DATE", f"{week_value(sat)}-WE", ts.WEEK, mod=mod, relative=True)
    gran = CODE_GRAN.get(code, ts.YEAR)
    st = c.state
    focus = st.focus_quarter(c.start) if unit == "year" and rel == "last" else None
    if focus is not None and not mod and _COMPARED.search(c.text, max(0, c.start - 60),
                                                          c.start):
        # "compared with $3 million last year" in a quarterly report: that quarter a year back
        f = relative_date(c, focus, -1, "Y", ts.QUARTER)
        f.anchors = False
        return f
    f = relative_date(c, base, sign, code, gran)
    f.mod = mod
    if sign == 0 and unit == "week" and not anaphoric and not mod and c.dct is not None and (
            c.tense() == PAST):
        # "When Kim stepped off his train this week": what is told as done this week was
        # done by the article date, not in the days after it
        monday = add_days(c.dct, -c.dct.weekday())
        f.start, f.end = monday, c.dct
    # "the following year" moves the story on, and so does "The previous year, ..." opening
    # a look back; "the revolution of the previous year" names a thing of that year in
    # passing, after which the story goes on in its own year
    in_passing = sign < 0 and _OF_BEFORE.search(c.text, max(0, c.start - 4), c.start)
    f.narrative = anaphoric and not in_passing and base is not None and base is st.anchor
    return f


_OF_BEFORE = re.compile(r"\bof\s+$", re.IGNORECASE)


_THAN = re.compile(r"\s+than\b", re.IGNORECASE)
_OVER_BEFORE = re.compile(r"\b(?:over|during|within|for|throughout)\s+$", re.IGNORECASE)
_COMPARED = re.compile(r"\b(?:compared|from|against|versus|with)\b[^.;]*$", re.IGNORECASE)


def _told_in_a_history(c: Cand) -> bool:
    """ "In 1942 the army attacked. The next year it retreated": in a history told in the past
    tense, "the next year" follows the story's year, not the date of writing (news keeps "over
    the next year" for the twelve months ahead)."""
    st = c.state
    return st.anchor is not None and st.in_history() and c.tense() != FUTURE


def _pod(f: Found, pod: str) -> Found:
    f.type = "TIME"
    f.value = f"{f.value}T{pod}"
    f.granularity = ts.PART_OF_DAY
    return f


_BACK = ("last", "past", "this past", "the previous")


_AHEAD = ("next", "coming", "this coming", "the next", "the coming", "the following")


def h_rel_named(c: Cand) -> Found | None:
    rel = norm(c.g("rel"))
    anaphoric = rel in ("the previous", "the following")
    st = c.state
    d = st.anchor if anaphoric and st.anchor_granularity == ts.DAY else c.dct
    mod = premod(c.g("pm"))
    if c.g("wd"):
        if rel == "that":
            return None  # "said that Monday would be hard": the plain weekday's rule reads it
        wd = WEEKDAYS[norm(c.g("wd"))]
        if d is None:
            return Found("DATE", f"XXXX-WXX-{wd + 1}", ts.DAY, relative=True)
        diff = wd - d.weekday()
        if rel in _BACK:
            delta = -((-diff) % 7) or -7
        elif rel in _AHEAD:
            delta = diff % 7 or 7
        else:
            delta = diff  # "this Friday": the Friday of the article's week
        return Found("DATE", day_value(add_days(d, delta)), ts.DAY, relative=True)
    word = c.g("mon") or ""
    month = month_number(word)
    if month is None or not word[0].isupper():
        return None
    day = int(c.g("day") or 0)
    if d is None:
        value = f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}"
        return Found("DATE", value, ts.DAY if day else ts.MONTH, mod=mod, relative=True)
    if day:  # "last Oct. 23": the last such day before the story
        if not 1 <= day <= 31:
            return None
        this = clamped_day(d.year, month, day)
        if rel in _BACK:
            this = this if this < d else clamped_day(d.year - 1, month, day)
        elif rel in _AHEAD:
            this = this if this > d else clamped_day(d.year + 1, month, day)
        return Found("DATE", day_value(this), ts.DAY, relative=True)
    if rel == "that":  # "that April": the April of the year the story has reached
        if c.g("wd") or not (c.g("mon") or "x")[0].isupper() or norm(c.g("mon")) == "may":
            return None  # (not "said that May would resign", nor a weekday)
        year = st.anchor.year if st.anchor is not None else d.year
    elif rel in _BACK:  # "last March" in a March or April story is a year back
        year = d.year if (d.month - month) % 12 > 1 and month < d.month else d.year - 1
    elif rel in _AHEAD:
        year = d.year if month > d.month else d.year + 1
    else:
        year = d.year
    return Found("DATE", f"{year:04d}-{month:02d}", ts.MONTH, mod=mod, relative=True)


def _month_day(w: str) -> tuple[int, int, int | None] | None:
    """(month, day, year or None) of "oct. 23", "oct. 23, 1998" or "27 july 1953"."""
    m = re.match(r"([a-z.]+)\s*(\d{1,2})(?:,?\s+(\d{4}))?", w)
    if m and month_number(m.group(1)):
        word, day, year = m.groups()
    else:
        m = _DAY_MONTH.match(w)
        if m is None or not month_number(m.group(2)):
            return None
        day, word, year = m.groups()
    return month_number(word) or 1, int(day), int(year) if year else None


def _day_of(c: Cand, word: str | None, narrative: bool = False) -> tuple[str | None, bool]:
    """The day a time or part of day falls on, as a value; and whether that needed the DCT.
    With `narrative`, a bare clock time falls on the day the story was just telling of."""
    w = norm(word)
    d = c.dct
    st = c.state
    if narrative and not w and (day := _day_of_the_event(c)) is not None:
        return day_value(day), True  # "was shot dead last Oct. 23 ... was shot dead at 10 p.m."
    if narrative and not w and st.anchor is not None and st.anchor_granularity == ts.DAY and (
            0 <= c.start - st.anchor_end < 300):
        return day_value(st.anchor), True  # "on Oct. 23 ... at 10 p.m.": that day
    if not w or w == "today":
        return (day_value(d) if d else None), True
    if w in ("yesterday", "tomorrow"):
        return (day_value(add_days(d, -1 if w == "yesterday" else 1)) if d else None), True
    if w in WEEKDAYS:
        f = h_weekday_word(c, WEEKDAYS[w])
        return f, True
    parts = _month_day(w)
    if parts is not None:
        month, day_of_month, written_year = parts
        year = written_year or year_for_month(c, month, day_of_month)
        if year is None:
            return None, True
        dd = valid_day(year, month, day_of_month)
        return (day_value(dd) if dd else None), not written_year
    return (day_value(d) if d else None), True


# the words of a clause, as written
_WORD = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
# verbs that tell of the telling, not of the event a clock time dates
_TELLING = frozenset({"said", "told", "added", "reported", "announced", "stated", "noted",
                      "was", "were", "had", "did"})
_EVENT_DAY_REACH = 120  # characters between an event's words and the day told beside them
# words that make an event told again a new one
_ANOTHER_TIME = frozenset({"again", "another", "anew", "second", "third", "new", "more"})


def _day_of_the_event(c: Cand) -> date | None:
    """The day of a bare clock time told in the past ("Smith was shot to death at 10 p.m.")
    when the story dated the same event before with the same words ("... before he was shot
    to death last Oct. 23"): a story that comes back to an event repeats its predicate, and
    the clock time belongs to that event's day, not to the day of writing. The past verb
    of the clause and the two words after it must recur together, beside a day told; two
    words keep apart different events of one verb ("killed at least ten" on Monday, "was
    killed at 3 p.m." on another day)."""
    days = c.state.days
    if not days:
        return None
    text = c.text
    left = text[max(0, c.start - 100):c.start]
    words = _WORD.findall(left[clause_start(left):])
    if _ANOTHER_TIME.intersection(w.lower() for w in words):
        return None  # "attacked the base again at 3 a.m.": another event of the same words
    for i in range(len(words) - 3, -1, -1):
        if finite_past(words[i]) and words[i] not in _TELLING:
            verb, rest = words[i], words[i + 1:i + 3]
            break
    else:
        return None
    # the verb's earlier occurrences, latest first (str.rfind: no pattern to build per call),
    # each a whole word followed by the same two words
    at = text.rfind(verb, 0, max(0, c.start - 100))
    while at >= 0:
        after = at + len(verb)
        if (not at or not text[at - 1].isalpha()) and not text[after:after + 1].isalpha() and (
                _WORD.findall(text, after, after + 40)[:2] == rest):
            near = [(abs(end - at), day) for end, day in days
                    if abs(end - at) <= _EVENT_DAY_REACH]
            if near:
                return min(near)[1]
        at = text.rfind(verb, 0, at)
    return None


# lower case on purpose: a sentence that opens "Until Thursday, they had ..." looks back
_UNTIL = re.compile(r"(?<!\bup )(?<!\bUp )\b(?:until|till)\s+(?:at\s+)?$")
# A day something is set for or starts on, at the end of its clause: "summoned a joint session
# of parliament for Wednesday.", "suspended flights, starting on Wednesday evening" (not "a
# service planned for Saturday was canceled": the clause goes on to tell it is over).
_SET_FOR = re.compile(
    r"\b(?:(?<=[a-z] )for|(?:starting|beginning|effective)(?:\s+(?:on|from))?)\s+$"
)
_CLAUSE_ENDS = re.compile(r"(?:\s+(?:morning|afternoon|evening|night))?\s*(?:[.,;:!?)\"”]|$)")


def _until(c: Cand) -> bool:
    """ "gave them until Tuesday", "postponed until Tuesday morning": a day still to come."""
    return _UNTIL.search(c.text, max(0, c.start - 12), c.start) is not None or (
        _SET_FOR.search(c.text, max(0, c.start - 16), c.start) is not None
        and _CLAUSE_ENDS.match(c.text, c.end) is not None
    )


def h_weekday_word(c: Cand, wd: int) -> str | None:
    d = c.dct
    if d is None:
        return None
    diff = wd - d.weekday()
    if diff == 0:
        return day_value(d)
    if c.future() or _until(c):
        return day_value(add_days(d, _ahead(c, diff)))
    return day_value(add_days(d, -((-diff) % 7)))


_DAY_MONTH = re.compile(r"(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+\.?)(?:,?\s+(\d{4}))?$")
# "at 10 a.m. on 27 July 1953": the day-first date after "on" is the clock time's day (the
# date stays an expression of its own, as TimeML draws "on" out of both)
_ON_DAY_MONTH = re.compile(
    r"\s+on\s+(?:the\s+)?(\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?[A-Za-z]+\.?"
    r"(?:,?\s+\d{4}(?!\d))?)")

# a capitalised place (one or two words) and "time", then the day: case matters, "at 9 p.m.
# this time on Monday" names no clock
_PLACE_TIME = re.compile(
    r"\s+(?!(?:This|That|The|An?|Each|Every|Any|Some|Next|Last|Same|One|No|By|At|In|On)\s)"
    r"(?-i:[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+time,?\s+(?:on\s+)?"
    r"((?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tomorrow)\b", re.IGNORECASE)
_ASIDE_DAY = re.compile(
    r"\s*\([^()\n]{1,30}\)\s*,?\s*(?:on\s+)?((?:mon|tues|wednes|thurs|fri|satur|sun)day"
    r"|today|yesterday|tomorrow)\b", re.IGNORECASE)


def h_time(c: Cand) -> Found | None:
    if c.g("noon"):
        if re.search(r"\bhigh\s+$", c.text[max(0, c.start - 6):c.start], re.IGNORECASE):
            return None  # "high noon"
        w = norm(c.g("noon"))
        hh, mm = (24, 0) if w == "midnight" else (12, 0)
    elif c.g("h24"):
        hh, mm = int(c.g("h24") or 0), int(c.g("mi24") or 0)
    elif c.g("hz"):
        if c.text[max(0, c.start - 1):c.start] == "(":
            return None  # "10:35 a.m. (0735 GMT)": the same moment again, left out as TimeML
            # annotators do; the local time before it carries the day
        hh, mm = int(c.g("hz") or 0), int(c.g("miz") or 0)
    elif c.g("h3"):  # "4 in the morning", "9 in the evening"
        hh, mm = int(c.g("h3") or 0) % 12, int(c.g("mi3") or 0)
        pod = norm(c.g("pod3"))
        if pod in ("afternoon", "evening") or (pod == "night" and hh >= 6):
            hh += 12
    else:
        hh, mm = int(c.g("h") or 0), int(c.g("mi") or 0)
        if hh > 12:
            return None
        pm = (c.g("ampm") or "a").lower().startswith("p")
        if pm and hh < 12:
            hh += 12
        elif not pm and hh == 12:
            hh = 0
    ref = c.g("dayref") or c.g("dw0")
    core = None
    if not ref:  # "at 10:35 a.m. (0735 GMT) Friday": the day after the aside
        aside = _ASIDE_DAY.match(c.text, c.end)
        ref = aside.group(1) if aside else None
    if not ref and not c.g("noon"):
        # "9:45 p.m. Khartoum time on Monday": a place's clock, and the day it is read on
        local = _PLACE_TIME.match(c.text, c.end)
        if local is not None:
            ref, core = local.group(1), (0, local.end() - c.start)
    if not ref:
        on_day = _ON_DAY_MONTH.match(c.text, c.end)
        if on_day and _DAY_MONTH.match(on_day.group(1).lower()):
            ref = on_day.group(1)
    # A clock time opening a line is a live blog's stamp ("11:14 EDT"): the day of the page,
    # whatever day the entry before it told of.
    stamp = c.start == 0 or c.text[c.start - 1] == "\n"
    day, relative = _day_of(c, ref, narrative=not stamp)
    clock = f"T{hh:02d}:{mm:02d}"
    mod = "APPROX" if c.g("approx") else None
    if day is None:
        return Found("TIME", "XXXX-XX-XX" + clock, ts.TIME, mod=mod, relative=True, core=core)
    return Found("TIME", day + clock, ts.TIME, mod=mod, relative=relative, core=core)


def h_pod(c: Cand) -> Found | None:
    pod_word = norm(c.g("pod"))
    code = PARTS_OF_DAY.get(pod_word)
    if code is None:
        return None
    det = norm(c.g("det"))
    dw2 = c.g("dw2")
    mod_word = norm(c.g("mod")) or (det if det in ("early", "late") else "")
    at_dawn = pod_word in ("dawn", "daybreak", "dusk", "nightfall") and re.search(
        r"\b(?:at|before|after|by|until)\s+$", c.text[max(0, c.start - 8):c.start], re.IGNORECASE)
    if not (det or dw2 or mod_word or at_dawn) and pod_word not in ("tonight", "overnight"):
        return None
    if det in ("the", "that") and not mod_word and not dw2:
        after = c.text[c.end:c.end + 4]
        st = c.state
        on_a_day = det == "that" and st.anchor is not None and st.anchor_granularity == ts.DAY
        if re.match(r"\s+of\b", after) or (pod_word == "night" and not on_a_day):
            return None  # "the night of ...", "the night" alone; but "that night" of a day
    mod = premod(mod_word) if mod_word else None
    if pod_word == "overnight" and not det and not dw2:
        # "overnight losses in New York" in a story of Friday: the night that led into it
        st = c.state
        near = st.anchor is not None and st.anchor_granularity == ts.DAY and (
            0 <= c.start - st.anchor_end < 300) and (
            c.dct is None or abs((c.dct - st.anchor).days) <= 7)  # news: a night of this week
        base = st.anchor if near else c.dct
        # after "shortly after 7 p.m." or "Friday evening" the night is that day's
        back = 0 if near and st.anchor_late else -1
        day = day_value(add_days(base, back)) if base else None
        return Found("TIME", f"{day or 'XXXX-XX-XX'}TNI", ts.PART_OF_DAY, relative=True)
    if det in ("the next", "the following", "the previous"):
        st = c.state  # "the next morning": the day after the one the story is on
        base = st.anchor if st.anchor is not None and st.anchor_granularity == ts.DAY else c.dct
        shifted = add_days(base, -1 if det == "the previous" else 1) if base else None
        day = day_value(shifted) if shifted else None
    elif det == "last" and code in ("NI", "EV"):
        day, _ = _day_of(c, "yesterday")
    elif det in ("the", "that") and not dw2 and c.state.anchor_granularity == ts.DAY:
        anchor = c.state.anchor
        day = day_value(anchor) if anchor else None
    elif det == "last":
        return None
    elif det in WEEKDAYS and not dw2 and _some_day(c):
        day = f"XXXX-WXX-{WEEKDAYS[det] + 1}"  # "on a Sunday morning": some Sunday
    else:
        ref = dw2 or (det if det not in ("this", "the", "that", "early", "late") else None)
        day, _ = _day_of(c, ref)
    f = Found("TIME", f"{day or 'XXXX-XX-XX'}T{code}", ts.PART_OF_DAY, mod=mod, relative=True)
    return f
