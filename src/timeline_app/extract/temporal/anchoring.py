"""What a relative expression is relative to: tense around it, and the narrative so far.

News reports past events, so a bare weekday is taken as the most recent one unless the clause
marks the future ("will meet on Friday", "is due to ... next Tuesday"). A month or a day of a
month without a year follows the tense too, and without a tense cue takes the nearest one
("payable Dec. 7" in a late-October story is this December). A history told in the past tense
("In 1942 ... In June, ...") dates bare months by the last year it wrote out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from timeline_app.domain import timespan as ts

QUARTER = ts.QUARTER
# how far a quarter named in passing stays the one "the period" and "a year ago" refer to
_QUARTER_FOCUS_CHARS = 250

FUTURE = "future"
PAST = "past"

# Tense cues, read word by word (a regex alternation over every position is ten times slower).
_FUTURE_WORDS = frozenset({
    "will", "shall", "won't", "would", "due", "scheduled", "slated", "expected", "next",
    "upcoming", "tomorrow", "effective", "payable", "expire", "expires", "expiring",
})
# "<word> to" announces a future: "plans to", "is to", "agreed to"
_TO_HEADS = frozenset({
    "going", "set", "plan", "plans", "planning", "planned", "expect", "expects", "intend",
    "intends", "aim", "aims", "hope", "hopes", "want", "wants", "seek", "seeks", "agreed",
    "promised", "vowed", "pledged", "threatened", "is", "are",
})
_PAST_WORDS = frozenset({
    "said", "says", "told", "was", "were", "had", "did", "ago", "last", "earlier", "yesterday",
    "since", "met", "went", "came", "took", "made", "began", "begun", "left", "held", "saw",
    "gave", "got", "sent", "spoke", "fell", "rose", "won", "lost", "struck", "fought", "flew",
    "led", "brought", "bought", "sold", "paid", "found", "thought", "ran", "became", "wrote",
    "drove", "broke", "chose", "knew", "stood", "fled", "threw", "shot", "swept", "wept",
    "overthrew", "withdrew", "seized",
})
# verbs whose past is their bare form: a past tense only after a singular subject
_SAME_IN_THE_PAST = frozenset({
    "forecast", "cut", "hit", "put", "set", "shut", "quit", "cost", "spread", "hurt", "bid",
    "split", "upset", "broadcast",
})
_SINGULAR_SUBJECTS = frozenset({"it", "he", "she"})
# ", they said", ", the minister told reporters": the telling after what is told, whose tense
# is not that of the expression before it
_SPEECH_TAG = re.compile(r"\s*,\s*(?:[\w'.-]+\s+){0,4}(?:said|says|told|added)\b",
                         re.IGNORECASE)
_BE = frozenset({"be", "been", "being"})
_PLAN_VERBS = frozenset({"plan", "plans", "planned", "planning", "scheduled", "scheduling"})
_NEW_OBJECT = frozenset({"a", "an", "another", "new", "more", "further", "for"})
_DETERMINERS = frozenset({"a", "an", "the", "its", "his", "her", "their", "our", "this", "that"})
_BEFORE_ADJECTIVE = frozenset({
    "a", "an", "the", "its", "his", "her", "their", "our", "this", "that", "these", "those",
    "still", "very", "newly", "already", "is", "are", "am", "of", "and", "or",
})
# Possessive runs and an empty alternative rather than "?": the same words (giving letters
# back can never let the apostrophe part match), found about twice as fast.
_TOKEN = re.compile(r"[A-Za-z]++(?:'[A-Za-z]++|)")
_CLAUSE_START = re.compile(r"[.!?;]\s|\n")
_AHEAD_OF = re.compile(r"\bahead\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[.!?;\n]")
# Words of a news story: weekdays, "yesterday", "last week". Matched only where
# _news_day_starts finds one can begin; the word boundary before it is checked in Python.
_NEWS_DAYS = re.compile(
    r"monday\b|tuesday\b|wednesday\b|thursday\b|friday\b|saturday\b|sunday\b|yesterday\b"
    r"|today\b|tonight\b|ago\b|this\s+(?:week|month|year)\b|last\s+(?:week|month|year)\b"
    r"|next\s+(?:week|month|year)\b"
)
# An explicit year, for telling a history from a news story: 1500-1999 and 2000-2099, each
# scanned for on its own. A pattern that opens with one literal is skipped to at C speed,
# where the two joined open with a choice tried at every character (four times slower).
# Two matches never overlap, of one pattern or both (a year is followed by neither a digit
# pair nor a comma and digit, which any later match within it would need), so the two scans
# find the places the joined scan found.
_YEARS = (re.compile(r"1[5-9]\d\d(?![\d,]\d)"), re.compile(r"20\d\d(?![\d,]\d)"))


def _cue(words: list[str], raw: list[str], i: int) -> str | None:
    """The tense word i marks, if any ("will", "plans to", "said", "reached")."""
    w = words[i]
    prev = words[i - 1] if i else ""
    if w in _FUTURE_WORDS or w.endswith("'ll"):
        return FUTURE
    if (w == "to" and prev in _TO_HEADS) or (w == "for" and prev == "set"):
        if i >= 2 and words[i - 2] in _DETERMINERS:
            return None  # "a plan to", "the aim to": a noun, not a verb
        if i + 1 < len(words) and words[i + 1] in _DETERMINERS:
            return None  # "agreed to a ceasefire on Monday": a preposition, no plan ahead
        return FUTURE
    if w == "as" and i >= 2 and prev in ("soon", "early") and words[i - 2] == "as":
        return FUTURE
    if (w == "effect" and prev == "takes") or (
            w in ("effect", "force") and prev == "into" and i >= 2
            and words[i - 2] in ("comes", "goes", "come", "go")):
        return FUTURE  # "the truce takes effect Monday", "rules come into force": ahead
    if prev in _BE:
        return None  # "will be held": a participle, not a past tense
    if w in _PAST_WORDS or (w in _SAME_IN_THE_PAST and prev in _SINGULAR_SUBJECTS):
        return PAST  # "it forecast in May": the present would be "it forecasts"
    if (len(w) >= 5 and w.endswith("ed") and raw[i].islower()  # "United" is no verb
            and prev not in _BEFORE_ADJECTIVE):  # "a still unspecified date"
        return PAST
    return None


# A word can be a cue only if it is one of these or ends in "'ll" or "ed" (see _cue): the
# rest, most words, are passed over without a call.
_TENSE_WORDS = _FUTURE_WORDS | _PAST_WORDS
_MAYBE_CUE = _TENSE_WORDS | _PLAN_VERBS | _SAME_IN_THE_PAST | {"to", "for", "as", "effect",
                                                                 "force"}
_CUE_ENDINGS = ("'ll", "ed")


def _read(src: str, backwards: bool) -> str | None:
    raw = _TOKEN.findall(src)
    if not raw:
        return None
    # tokens are ASCII letters and apostrophes: lower-casing them joined keeps them apart,
    # at a fraction of the cost of one call per token. (A pre-check of the clause for any cue
    # word cost more than it spared: most clauses around a time expression have one.)
    words = " ".join(raw).lower().split(" ")
    order = range(len(words) - 1, -1, -1) if backwards else range(len(words))
    for i in order:
        w = words[i]
        if w not in _MAYBE_CUE and not w.endswith(_CUE_ENDINGS):
            continue
        if backwards and w in _PLAN_VERBS and i + 1 < len(words) and (
                words[i + 1] in _NEW_OBJECT) and (not i or words[i - 1] not in _DETERMINERS):
            return FUTURE  # "planned a rally on Saturday": what is planned lies ahead of it
        cue = _cue(words, raw, i)
        if cue is None:
            continue
        # "had been due to expire Friday": a plan that lies in the past
        if cue == FUTURE and "had" in words[max(0, i - 5):i]:
            return PAST
        return cue
    return None


def _clause_start(left: str) -> int:
    """Where the last clause of `left` begins: the end of the last match of _CLAUSE_START
    (a newline, or ".!?;" and a white space), 0 when none; found with rfind, which is several
    times cheaper than running the regex over the whole window."""
    best = left.rfind("\n") + 1
    last = len(left) - 1
    for mark in ".!?;":
        i = left.rfind(mark, max(0, best - 1))
        while i >= 0 and i + 2 > best:
            if i < last and left[i + 1].isspace():
                best = i + 2
                break
            i = left.rfind(mark, max(0, best - 1), i)
    return best


def tense(text: str, start: int, end: int) -> str | None:
    """FUTURE or PAST by the nearest tense cue before the expression in its clause (else the
    first one after it); None when the clause has none. A future cue of an earlier clause
    gives way to a past verb of the expression's own (_main_verb_past)."""
    left = text[max(0, start - 110):start]
    tail = left[-24:]  # "ahead of the" ends right before the expression, if anywhere
    if ("head" in tail or "HEAD" in tail) and _AHEAD_OF.search(tail):  # "ahead of the week"
        return FUTURE
    cut = _clause_start(left)
    if cut:
        left = left[cut:]
    found = _read(left, backwards=True)
    if found == PAST:
        return found
    right = text[end:end + 80]
    stop = _CLAUSE_END.search(right)
    if stop:
        right = right[:stop.start()]
    if found is not None:
        return PAST if _main_verb_past(left, text, end) else found
    if "," in right[:3] and _SPEECH_TAG.match(right):
        return None
    return _read(right, backwards=False)


def _main_verb_past(left: str, text: str, end: int) -> bool:
    """Whether a future cue found before the expression belongs to an earlier clause while
    the expression's own clause is told in the past: "Fearing the port would fall, they
    agreed to leave, and on May 4 the army withdrew". The modal or "agreed to" lies before
    the last comma, nothing after that comma marks a tense, and the first cue after the
    expression, in its own clause (which initials such as "George H.W. Bush" do not end)
    and not a speech tag, is a past verb."""
    comma = left.rfind(",")
    if comma < 0 or _read(left[comma + 1:], backwards=True) is not None:
        return False
    right = text[end:end + 80]
    if "," in right[:3] and _SPEECH_TAG.match(right):
        return False
    stop = _OWN_CLAUSE_END.search(right)
    own = right[:stop.start()] if stop else right
    cue = _read(own, backwards=False)
    if cue is None and stop is not None and right[stop.start()] == ",":
        # "and on October 20 Saudi Arabia, led by King Faisal, announced": the subject's
        # apposition ("led by" is no verb of the clause) closes, and its verb comes after
        whole = _CLAUSE_END.search(right)
        rest = right[:whole.start()] if whole else right
        closing = rest.find(",", stop.end())
        if closing >= 0:
            cue = _read(rest[closing + 1:], backwards=False)
    return cue == PAST


# the end of a clause, where a period after a capital is an initial's ("H.W.", "U.S.")
_OWN_CLAUSE_END = re.compile(r"[,!?;\n]|(?<![A-Z])\.")


# Words that look ahead from now ("will", "is to", "are due"), not from a past point of the
# story ("would", "was due to", "agreed to")
_PRESENT_FUTURE = frozenset({
    "will", "shall", "won't", "is", "are", "am", "tomorrow", "upcoming", "today", "now",
})


def future_in_past(text: str, start: int, end: int) -> bool:
    """Whether the future the clause of text[start:end] marks is one seen from the past
    ("agreed to withdraw by May", "the talks would resume in June", "was due to end in
    March") rather than from the date of writing ("will end in March", "In June the plant is
    to open"): in a history the former lies in the story's years."""
    left = text[max(0, start - 110):start]
    left = left[_clause_start(left):]
    right = text[end:end + 80]
    stop = _CLAUSE_END.search(right)
    if stop:
        right = right[:stop.start()]
    words = " ".join(_TOKEN.findall(left + " " + right)).lower().split(" ")
    return not any(w in _PRESENT_FUTURE or w.endswith("'ll") for w in words)


# "had captured", "had long clung", "had been": the pluperfect, a past before the story's
# past; not "had a", "had the", "had to" (a possession, an obligation) nor "had Israel's"
_HAD_DONE = re.compile(
    r"\bhad\s+(?!(?:a|an|the|no|any|some|its|his|her|their|our|this|that|these|those|to"
    r"|more|less|much|many|few|little|enough|one|two|three)\b)(?-i:[a-z]+)\b", re.IGNORECASE)
# a finite past verb after the pluperfect one: the main clause has resumed ("Syria, which had
# lost the Golan, attacked in 1973"); time words that are no verbs are left out
_NOT_VERBS = frozenset({"earlier", "ago", "last", "since", "yesterday", "united", "red", "bed"})
# "the war of June 1967", "the crisis of 1962": a thing named by its date, in passing; not
# "the night of October 24", "the end of 1990", "the spring of 2022" (the story's own times)
_NAMED_BY_DATE = re.compile(
    r"\b(?:the|a|an|its|their|his|her)\s+(?!(?:night|day|morning|afternoon|evening|end|start"
    r"|beginning|middle|close|turn|rest|course|spring|summer|autumn|fall|winter|week|month"
    r"|year|eve|weekend|time|events|days|weeks|months|years|first|last|early|late|height"
    r"|summit)\s)(?-i:[a-z]+)\s+of\s+$", re.IGNORECASE)
_SINCE_THE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# "the 1967 war", "the 1973 borders": a year naming a thing, not a time the story is at
_YEAR_NAMING = re.compile(r"\s+(?!(?:in|and|to|is|was|were|has|had|as|or|for|on|at|by|when"
                          r"|with|after|before|but|until|from|of|that|which)\b)[a-z]+")
_THE_YEAR = re.compile(r"\b(?:the|its|their|his|her)\s+$", re.IGNORECASE)


def _finite_past(word: str) -> bool:
    """Whether a word (as written) is a past verb of a main clause: "attacked", "fell"."""
    if word in _NOT_VERBS or not word.islower():
        return False
    return word in _PAST_WORDS or (len(word) >= 5 and word.endswith("ed"))


def looks_back(text: str, start: int, end: int) -> bool:
    """Whether the date text[start:end] is background to a story told at a later time rather
    than a step of it: inside a pluperfect clause ("the Golan, which Israel had captured
    six years earlier, in the war of June 1967"), after "since", naming a thing ("the war of
    June 1967", "the 1967 war"). Such a date moves neither the narrative's year nor the day
    that "the next day" counts from (the caller checks that it lies before the story)."""
    left = text[max(0, start - 110):start]
    if _SINCE_THE.search(left[-12:]) or _NAMED_BY_DATE.search(left[-40:]):
        return True
    if (text[start:end].isdigit() and _THE_YEAR.search(left[-8:])
            and _YEAR_NAMING.match(text, end)):
        return True
    left = left[_clause_start(left):]
    done = list(_HAD_DONE.finditer(left))
    if done:
        return not any(_finite_past(w) for w in _TOKEN.findall(left[done[-1].end():]))
    right = text[end:end + 80]
    stop = _OWN_CLAUSE_END.search(right)
    return _HAD_DONE.search(right[:stop.start()] if stop else right) is not None


# for the handlers that read a clause themselves (values.py)
CLAUSE_END = _CLAUSE_END
clause_start = _clause_start
finite_past = _finite_past


# how many years a history writes out for each word of news ("Sunday", "this year") it may
# hold: a feature on a war that closes on this year's memorial is still a history
_YEARS_PER_NEWS_WORD = 4
# news words after a history's last year that still leave it a history (its closing link to
# the present)
_CODA = 2


def is_history(text: str, dct: date | None) -> bool:
    """True when most written-out years lie well before the document date (`text` is in
    lower case): a history, whose bare months belong to the year last named rather than to
    the date of writing."""
    if dct is None:
        return True
    old = recent = 0
    last_old = 0  # where the last old year ends
    for years in _YEARS:
        for m in years.finditer(text):
            if m.start() and text[m.start() - 1] in "0123456789$,.":
                continue  # part of a longer number or an amount
            if int(m.group()) <= dct.year - 2:
                old += 1
                last_old = max(last_old, m.end())
            else:
                recent += 1
    if old < 2 or old < 2 * recent:
        return False
    # a news story full of weekdays and "yesterday" is reporting, not recounting; a long
    # history may still hold a few, and end on today ("thirty years on, the anniversary was
    # marked this month"): a closing word or two of news after its last year is free
    allowed = max(1 if old >= 4 else 0, old // _YEARS_PER_NEWS_WORD)
    told = _news_days(text, allowed + 1, until=last_old)
    if told > allowed:
        return False
    coda = _news_days(text, allowed - told + _CODA + 1, start=last_old)
    return told + max(0, coda - _CODA) <= allowed


# Every news word holds one of these literals; where each stands in a match is fixed (after the
# weekday's head, at its start, after "this"/"last"/"next" and white space). str.find reaches
# them at C speed, where the engine's scan for _NEWS_DAYS (whose first letters are the
# commonest of English) starts a match attempt at nearly every other character.
_DAY_HEADS = ("to", "mon", "fri", "sun", "tues", "thurs", "satur", "wednes", "yester")
_AT_START = ("ago", "tonight")
_AFTER_SPACE = ("week", "month", "year")
_RELATIVES = ("this", "last", "next")


def _news_day_starts(text: str, start: int, end: int) -> list[int]:
    """The places in text[start:end] where a match of _NEWS_DAYS can begin, in order: a
    superset of where it does (the caller matches at each), read off the literals above."""
    found: list[int] = []
    find = text.find
    i = find("day", start, end)
    while i >= 0:
        for head in _DAY_HEADS:  # no head ends another: at most one fits
            begin = i - len(head)
            if begin >= start and text.startswith(head, begin):
                found.append(begin)
                break
        i = find("day", i + 3, end)
    for word in _AT_START:
        i = find(word, start, end)
        while i >= 0:
            found.append(i)
            i = find(word, i + len(word), end)
    for word in _AFTER_SPACE:
        i = find(word, start, end)
        while i >= 0:
            gap = i
            while gap > start and text[gap - 1].isspace():  # \s+ before the unit
                gap -= 1
            if gap < i and gap - 4 >= start and text.startswith(_RELATIVES, gap - 4, gap):
                found.append(gap - 4)
            i = find(word, i + len(word), end)
    found.sort()
    return found


def _news_days(text: str, enough: int, start: int = 0, until: int | None = None) -> int:
    """How many news words (_NEWS_DAYS, each a whole word) text[start:until] has, counting
    no further than `enough`: the matches the pattern with a word boundary in front would
    find, left to right (those of repeated searches from `start`, tried only where
    _news_day_starts puts a possible start)."""
    count = 0
    pos = start
    end = len(text) if until is None else until
    match = _NEWS_DAYS.match
    for begin in _news_day_starts(text, start, end):
        if count >= enough:
            break
        if begin < pos:
            continue  # inside a match already read
        m = match(text, begin, end)
        if m is None:
            continue
        if begin and (text[begin - 1].isalnum() or text[begin - 1] == "_"):
            pos = begin + 1  # inside a word ("chicago"): no boundary before it
            continue
        if text[max(0, begin - 4):begin] == "the " and text.startswith("next", begin):
            pos = m.end()  # "the next year" follows a history's year as well as the news
            continue
        if (text.startswith("ago", begin) and text.endswith("years ", 0, begin)) or (
                text.startswith("today", begin) and text.endswith("ago ", 0, begin)):
            pos = m.end()  # "fifty years ago (today)": the opening of a history, no news
            continue
        count += 1
        pos = m.end()
    return count


@dataclass(slots=True)
class Narrative:
    """The running state of one document: the creation date and what it last talked about."""

    dct: date | None
    history: bool | None = False  # see is_history; None: decide from `lower` when first asked
    lower: str = ""  # the document in lower case, for deciding `history` (see in_history)
    anchor: date | None = None  # last calendar point resolved in the text
    anchor_granularity: str = ""
    anchor_end: int = -10_000  # where that expression ended
    # the anchor is an evening or night ("7 p.m.", "Friday evening"): "overnight" after it is
    # the night that follows, not the one that led into its day
    anchor_late: bool = False
    # "N units ago" that set the anchor (its count and unit, and where it ended): "a year
    # earlier" right after "a year ago" repeats the comparison rather than stepping back again
    ago: tuple[int, str] | None = None
    ago_end: int = -10_000
    quarter: date | None = None  # the first quarter named: the one a report is about
    fiscal: date | None = None  # the last fiscal quarter named ("its fiscal first quarter")
    fiscal_end: int = -10_000
    # "the nine months" of a report (their count, and where they were named): what "the
    # year-earlier period" after them is
    year_so_far: int = 0
    year_so_far_end: int = -10_000
    year: int | None = None  # last year written out explicitly
    year_pos: int = -10_000
    # every day resolved so far (where its expression ended, the day): "on the same day as the
    # Doha ceremony" is the day told beside "Doha" before, not the last day told
    days: list[tuple[int, date]] = field(default_factory=list)

    def in_history(self) -> bool:
        """Whether the document is a history (is_history), decided on first need: most
        documents never date a bare month or season by the narrative's year."""
        if self.history is None:
            self.history = is_history(self.lower, self.dct)
        return self.history

    def base(self) -> date | None:
        return self.anchor or self.dct

    def focus_quarter(self, pos: int) -> date | None:
        """The quarter a quarterly report is talking about at `pos`: the last one named if
        it was named close by, else the report's own (first) quarter; None when the story is
        not on a quarter. "After a flat second quarter, ..." does not move the comparisons
        of the paragraphs below off the third quarter being reported."""
        if self.anchor_granularity != QUARTER or self.anchor is None:
            return None
        if self.quarter is None or pos - self.anchor_end <= _QUARTER_FOCUS_CHARS:
            return self.anchor
        return self.quarter

    def narrative_year(self, pos: int) -> int | None:
        """The year a bare month refers to in a history told in the past tense."""
        if self.year is None or pos - self.year_pos > 1500 or not self.in_history():
            return None
        if self.dct is not None and self.year >= self.dct.year - 1:
            return None
        return self.year
