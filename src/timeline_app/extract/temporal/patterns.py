"""The recognition rules: one regex per pattern class, tried in priority order.

Order matters: at one position the first rule that matches wins, so longer and more specific
forms come first ("the past two months" before "the past"). Each rule keeps named groups for
normalisation; scanning uses copies with the inner names removed, and a candidate is re-read
with its own rule only once found (cheap: few candidates per article). Rules are only tried
where HITS finds a word an expression can begin with, and there only those whose first
characters fit (RULE_INDEX), which keeps tagging a 3 KB article well under a millisecond.
"""

from __future__ import annotations

import re

from .lexicon import (
    MONTH_RE,
    MONTHS,
    NUMBER_WORD_RE,
    NUMBERS,
    ORDINAL_RE,
    ORDINALS,
    PARTS_OF_DAY,
    POD_RE,
    QMOD_WORDS,
    SEASON_RE,
    SEASONS,
    SETS,
    SPELLED_YEAR_RE,
    UNIT_RE,
    WEEKDAY_RE,
    WEEKDAYS,
)
from .prefixes import RuleIndex, without_optional_groups

_PREMOD = (
    r"(?P<premod>(?:the\s+)?(?:(?:very\s+)?(?:end|beginning|start|middle|close|turn|rest)\s+of"
    r"\s+(?:the\s+)?|(?:early|late)\s+in\s+|(?:early|late|mid)(?:-|\s+)(?!of\b)))?"
)
_QMOD = (
    r"(?P<qmod>(?:about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than"
    r"|fewer\s+than|no\s+more\s+than|no\s+less\s+than|at\s+least|up\s+to|some|just|only"
    r"|barely|at\s+most)\s+)?"
)
_DAYREF = (
    rf"(?:{WEEKDAY_RE}|today|yesterday|tomorrow|{MONTH_RE}\s+\d{{1,2}}(?:,?\s+\d{{4}})?)"
)
# Time zones written after a clock time ("23:10 MSK", "0735 GMT", "9 a.m. Kyiv time"); not
# those that are also English words ("eat", "cat", "wet": the rules match folded text).
_ZONE = (
    r"(?:\s+(?:est|edt|gmt|utc|cet|cest|eet|eest|msk|pst|pdt|cst|cdt|mst|mdt|bst|et|jst|kst|"
    r"pkt|aest|aedt|hkt|sgt|wib|irst|sast|local\s+time|"
    r"(?:moscow|kyiv|kiev|beijing|tehran|jerusalem|tokyo|delhi|london|paris|gaza|damascus|"
    r"baghdad|cairo|ankara|istanbul|seoul|taipei|washington|eastern|pacific|central)\s+time)\b)"
)
_PODS = r"(?:mornings|afternoons|evenings|nights)"
_YEAR_AFTER = r"(?![\d,.]\d|\s*%|\s*(?:percent|per\s+cent)\b)"

RULES: list[tuple[str, str]] = [
    ("time", (
        r"(?P<approx>(?:about|around|approximately|shortly\s+(?:before|after)|just\s+"
        r"(?:before|after))\s+)?"
        rf"(?:(?P<dw0>{WEEKDAY_RE})\s+(?:at\s+)?)?"
        r"(?:(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
        r"|(?P<h24>[01]?\d|2[0-3]):(?P<mi24>[0-5]\d)(?![\d:])"
        # "(1230 GMT)", "0900 UTC": four digits only with a zone, a year or a number otherwise
        r"|(?P<hz>[01]\d|2[0-3])(?P<miz>[0-5]\d)(?=\s+(?:gmt|utc)\b)"
        r"|(?P<h3>1[0-2]|0?[1-9])(?:[:.](?P<mi3>[0-5]\d))?(?:\s+o'clock)?\s+in\s+the\s+"
        r"(?P<pod3>morning|afternoon|evening|night)(?![a-z])"
        r"|(?P<noon>noon|midnight|midday))"
        rf"{_ZONE}?"
        rf"(?:,?\s+(?:on\s+)?(?P<dayref>{_DAYREF}))?"
    )),
    ("set", (
        r"(?:(?:every|each|per)\s+(?:other\s+)?(?:(?P<num>" + NUMBER_WORD_RE + r")\s+)?"
        rf"(?P<unit>{UNIT_RE}|{WEEKDAY_RE}|{POD_RE}|{SEASON_RE}|{MONTH_RE})(?![a-z])"
        r"|(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|annually)"
        r"|(?:once|twice|thrice|\w+\s+times)\s+(?P<core>(?:an?|per)\s+(?P<unit2>day|week|month"
        r"|year|hour))"
        # "Tuesday nights", and "Monday" of "Monday and Tuesday nights"
        rf"|(?P<wdp>{WEEKDAY_RE})(?:\s+(?P<podp>{_PODS})|(?=,?\s+(?:and|or)\s+{WEEKDAY_RE}"
        rf"\s+(?P<podq>{_PODS}))))(?![a-z])"
    )),
    ("anaphoric", (
        r"the\s+(?P<which>day|night|week|month|year)\s+(?P<dir>before|after|earlier|later)"
        r"(?:(?P<yt>\s+yesterday|\s+tomorrow)|(?=\s*[,.;:)]|\s*$)"
        # "the day before last Tuesday('s hearing)", "the day after March 3"
        rf"|\s+(?P<dref>(?:(?P<dlast>last|next)\s+)?{WEEKDAY_RE}(?![a-z])"
        rf"|{MONTH_RE}\s*\d{{1,2}}(?![\d:])))"
    )),
    ("pod", (
        r"(?P<pre>(?:later|earlier)\s+)?"
        r"(?:(?P<det>the\s+(?:next|following|previous)|this|last|tomorrow|yesterday|"
        rf"{WEEKDAY_RE}|the|that|early|late)\s+)?"
        rf"(?P<mod>(?:early|late|mid)[\s-]*)?(?P<pod>{POD_RE}|tonight|overnight)(?![a-z])"
        rf"(?:\s+(?P<dw2>{WEEKDAY_RE}|yesterday|today|tomorrow))?"
    )),
    ("recent", (
        r"(?:the\s+)?(?P<rel>recent|past|last|coming|next|previous|future)\s+(?:few\s+|several\s+)?"
        r"(?P<unit>days|weeks|months|quarters|years|decades)(?![a-z])"
        r"|the\s+(?P<unit2>days|weeks|months|years)\s+(?P<rel2>ahead)(?![a-z])"
        # "in the first hours of the war", "the early years": the opening stretch of something
        r"|the\s+(?P<rel3>first|early|opening|closing|final)\s+(?P<unit3>hours|days|weeks|months"
        rf"|years)(?![a-z])(?!\s+of\s+(?:{WEEKDAY_RE}|{MONTH_RE}|today|yesterday|this|last|the\s+day))"
    )),
    ("ago", (
        _QMOD + rf"(?P<num>{NUMBER_WORD_RE})(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]+"
        rf"(?P<unit>{UNIT_RE})(?:\s+or\s+so)?\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|hence|back"
        r"|(?:before|after|previously)(?=\s*[,.;:)]|\s*$)|(?:before|after)\s+(?:that|this)(?![a-z]))"
        # "forty years ago today", "ten years ago this month", "twenty years ago tonight":
        # that day, week, month or part of a day, so many years back
        r"(?:(?<=ago)\s+(?P<pin>today|tonight|this\s+(?:week|month|morning|afternoon|evening))"
        r"(?![a-z]))?"
    )),
    ("week_of", (
        rf"the\s+week\s+of\s+(?P<mon>{MONTH_RE})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)"
        r"(?:,?\s+(?P<year>\d{4})(?!\d))?"
    )),
    ("week_nth", (  # "the second week of August (1990)": that week of the month
        r"the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+"
        rf"(?P<mon>{MONTH_RE})(?![a-z])(?:,?\s+(?P<year>\d{{4}})(?!\d))?"
    )),
    ("century", (
        rf"(?:the\s+)?{_PREMOD}(?P<ord>{ORDINAL_RE})[\s-]+century(?![a-z])"
    )),
    ("decade", (
        rf"(?:the\s+)?{_PREMOD}(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<dec2>\d0)s"
        r"|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))"
        r"(?![a-z\d])"
    )),
    ("half", (
        r"(?:the\s+)?(?:(?P<ord>first|second|1st|2nd|latter|last)\s+half"
        r"|(?P<ord2>first|last|final)\s+two\s+quarters)"
        r"(?:\s+of\s+(?:the\s+)?(?:(?P<dec>(?:1[0-9]|20)\d0'?s|'\d0s)(?![a-z\d])"
        r"|(?:fiscal\s+)?(?P<year>\d{4})|(?P<rel>this|last|next)\s+year|year))?"
    )),
    ("quarter", (
        r"the\s+(?:(?:corresponding|comparable|same|year-earlier|year-ago)\s+)?"
        r"(?P<yb>quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?last\s+year"
        r"|(?:of\s+)?the\s+previous\s+year)(?![a-z])|"
        r"(?:the\s+|(?P<that>that)\s+(?=quarter(?![a-z-])))?"
        r"(?:(?P<yq>(?:19|20)\d\d)[\s-]+|(?P<ry>this|last|next)\s+year's\s+)?"
        r"(?P<words>(?:(?:latest|last|past|previous|current|this|next|coming|same"
        r"|year-earlier|year-ago|year\s+earlier|year\s+ago|first|second|third|fourth|1st|2nd|3rd|4th"
        r"|final|fiscal|calendar|comparable|most\s+recent|prior-year|prior\s+year)[\s-]+){0,3})"
        r"quarter(?![a-z])"
        r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>\d{4})|(?P<rel>this|last|next)\s+year))?"
        r"|(?P<qn>q[1-4])(?:\s+(?P<qy>\d{4}))?(?![a-z\d])"
        r"|the\s+(?P<yp>(?:19|20)\d\d)\s+period|(?:the\s+)?(?P<lp>latest|most\s+recent)\s+period"
    )),
    ("season", (
        r"(?:the\s+)?(?:(?P<rel>last|this|next|past|coming|early|late|mid|previous|that"
        r"|following)[\s-]+)?"
        rf"(?P<season>{SEASON_RE})(?![a-z])"
        rf"(?:\s+(?:of\s+)?(?P<year>\d{{4}}(?!\d)|{SPELLED_YEAR_RE}))?"
    )),
    ("rel_named", (
        rf"(?P<pm>(?:early|late|mid)[\s-]+)?(?P<rel>the\s+(?:previous|following|next|coming)"
        rf"|this\s+(?:coming|past)|last|next|this|coming|past|that(?=\s+(?:{MONTH_RE})\b))\s+"
        rf"(?:(?P<wd>{WEEKDAY_RE})|(?P<mon>{MONTH_RE})"
        r"(?:\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d:]))?)(?![a-z])"
    )),
    ("rel_unit", (
        r"(?P<pre>(?:early|late|earlier|later|mid)[\s-]+)?"
        r"(?:(?P<pm>the\s+(?:very\s+)?(?:end|beginning|start|middle|rest|course|remainder)\s+of)\s+)?"
        r"(?P<rel>last|next|this|coming|past|previous|following|the\s+past|the\s+previous"
        r"|the\s+following|the\s+coming|the\s+next|the\s+last|that(?:\s+same)?|the\s+same"
        r"|the\s+current"
        r"|the\s+latest)\s+"
        r"(?:(?:fiscal|calendar)\s+)?"
        r"(?P<unit>week(?:end)?|month|year|decade|century|fortnight|day|night)(?![a-z])"
    )),
    ("year_end", (
        r"(?:the\s+)?year(?:'s)?[\s-]end(?![a-z])"
    )),
    ("year_ago", (
        r"(?:the\s+)?(?:comparable\s+)?year-(?:earlier|ago)(?:\s+(?P<what>period|quarter)"
        r"|\s+(?P<months>three|six|nine|3|6|9)\s+months)?"
    )),
    ("fraction", (  # "a quarter of a century", "three quarters of an hour" (h_fraction)
        _QMOD + r"(?P<frac>a\s+quarter|three[\s-]+quarters)(?:\s+of\s+an?\s+|[\s-])"
        r"(?P<unit>century|decade|year|day|hour)(?![a-z])"
    )),
    ("duration", (
        _QMOD + r"(?:the\s+)?(?:(?P<rel>past|last|next|first|coming|previous|final|following"
        r"|latest|recent|initial|remaining|full)\s+)?"
        rf"(?P<num>{NUMBER_WORD_RE})(?P<half>[\s-]+and[\s-]+a[\s-]+half|\s+1/2)?[\s-]+"
        r"(?:(?:more|additional|straight|consecutive|trading|business|working|calendar)\s+)?"
        rf"(?P<unit>{UNIT_RE})(?![a-z])(?![\s-]+old|-earlier|-ago|-long)"
        r"(?!(?<=two\squarters)\s+of\s+(?:fiscal\s+)?\d{4})"  # a half: see "half"
        r"(?P<half2>\s+and\s+a\s+half(?![a-z]))?"  # "a minute and a half"
    )),
    ("long", (  # "a day-long meeting", "a decades-long battle": a length in a compound
        r"(?P<unit>(?:hour|day|night|week|month|year|decade)s?)-long(?![a-z-])"
    )),
    ("day_rel", (  # "May 31 that year", "3 March of the following year" (h_month_rel)
        rf"(?:(?P<mon>{MONTH_RE})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?"
        rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{MONTH_RE}))"
        r",?\s+(?:of\s+)?(?P<rel>this|last|next|the\s+same|that|the\s+previous|the\s+following)"
        r"\s+year(?![a-z])"
    )),
    ("full_mdy", (
        rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?" + _PREMOD
        + rf"(?P<mon>{MONTH_RE})\s*(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?!\d|:\d)"
        r"(?:,?\s+(?P<year>\d{4})(?!\d))?"
    )),
    ("dmy_first", (
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?=\s*(?:-|\u2013|to|and|until|till)\s*\d{{1,2}}"
        rf"(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?![a-z])(?:,?\s+(?P<year>\d{{4}}))?)"
    )),
    ("full_dmy", (  # "11 August 2025", and "Monday 11 August 2025" of a British date line
        rf"(?:(?P<wd>{WEEKDAY_RE}),?\s+)?"
        rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_RE})(?![a-z])"
        r"(?:,?\s+(?P<year>\d{4})(?!\d))?"
    )),
    ("iso", (
        r"(?P<y>(?:1[5-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"
        r"|(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y2>(?:19|20)?\d\d)(?![\d/])"
        r"|(?P<da>[0-3]?\d)\.(?P<mb>[01]?\d)\.(?P<y3>(?:19|20)\d\d)(?![\d.]\d)"
    )),
    ("month_rel", (
        _PREMOD + rf"(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<rel>this|last|next|the\s+same"
        r"|that|the\s+previous|the\s+following)\s+year(?![a-z])"
    )),
    ("month_year", (
        _PREMOD + rf"(?P<mon>{MONTH_RE}),?\s+(?:of\s+)?(?P<year>\d{{4}}(?!\d)|{SPELLED_YEAR_RE})"
    )),
    ("holiday", (
        r"(?P<name>christmas(?:\s+(?:day|eve))?|new\s+year's(?:\s+(?:day|eve))?"
        r"|thanksgiving(?:\s+day)?|black\s+friday|cyber\s+monday|election\s+day"
        r"|independence\s+day|halloween"
        r"|valentine's\s+day|bastille\s+day|easter(?:\s+(?:sunday|monday|weekend|week)(?![a-z]))?)"
        r"(?:,?\s+(?P<year>\d{4})(?!\d))?"
    )),
    ("year", (
        _PREMOD + r"(?:(?P<fiscal>fiscal(?:\s+year)?|the\s+year|fy)[\s-]*)?"
        rf"(?P<year>(?:1[5-9]|20)\d\d(?!\d)|{SPELLED_YEAR_RE})" + _YEAR_AFTER
    )),
    ("the_unit", (
        r"(?:(?P<pm>the\s+(?:very\s+)?(?:end|beginning|start|middle|rest|close)\s+of)\s+)?"
        r"the\s+(?:(?P<kind>full|fiscal|calendar|current)\s+)?(?P<unit>year|week(?:end)?|month"
        r"|day)"
        r"(?![a-z-])(?!'(?!s\b))"
        # "the year to June 30" is a year's length (h_the_unit); "the day to day" no time
        rf"(?!\s+(?:of(?!\s+\$)|in|to(?!\s+(?:next\s+)?{MONTH_RE})|after|before|earlier|later"
        r"|following)\b)"
    )),
    ("units", (
        r"(?P<unit>years|months|weeks|days|hours|decades|centuries)(?![a-z'-])"
        r"|the\s+(?P<unit2>years)(?![a-z'-])"  # "over the years"
    )),
    ("month", (
        _PREMOD + rf"(?P<mon>{MONTH_RE})(?![a-z])"
    )),
    ("weekday", (
        rf"(?P<wd>{WEEKDAY_RE})(?P<pl>s)?(?![a-z])"
        r"(?:,?\s+(?:of\s+)?(?P<wk>last|next|this)\s+week(?![a-z]))?"
    )),
    ("dayword", (
        r"(?P<pre>(?:early|late|later|earlier)\s+)?"
        r"(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
        r"|tomorrow)(?![a-z])"
    )),
    ("second_day", (  # "25" of "on April 24 and 25": the range's second day (see h_second_day)
        r"(?P<day>\d{1,2})(?:st|nd|rd|th)?(?![\d:]|[.,]\d)"
    )),
    # rare forms, late so that the common ones that share their first words are tried first
    ("nth_day", (  # "today is the eighth day of the blockade", "Oct. 12, the day before the
        # crash": a day told by an event, see h_nth_day
        rf"(?:the\s+)?(?P<ord>{ORDINAL_RE})\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\s)"
        r"|the\s+day(?=\s+(?P<ddir>before|after)\s+(?:the|an?|his|her|its|their)\s+"
        r"(?P<thing>[a-z-]+(?:\s+[a-z-]+){0,2}))"
    )),
    ("day_eval", (  # "it was a great day for Poland": the day the story is at (h_day_eval)
        r"day(?=\s+for\s)"
    )),
    ("seasons", (  # "the past three summers": so many seasons, each one (h_seasons)
        rf"(?:the\s+)?(?:past|last|previous|next|coming)\s+(?:{NUMBER_WORD_RE}\s+|few\s+"
        r"|several\s+)?(?P<seasons>summers|winters|springs|autumns|falls)(?![a-z])"
    )),
    ("ref", (
        r"(?P<w>now|currently|then[\s-]+current|(?:(?<=until\s)|(?<=till\s)|(?<=by\s))then"
        r"|current|nowadays|presently|at\s+present"
        r"|these\s+days|a\s+while"
        r"|(?:more\s+|most\s+|until\s+|only\s+)?recently|the\s+past|lately"
        r"|the\s+(?:near\s+|distant\s+)?future|the\s+(?:near|short|long)[\s-]+term"
        r"|an?\s+later\s+date|soon)(?![a-z])(?!-)"
    )),
]

_NAMED = re.compile(r"\(\?P<\w+>")


def _anonymous(pattern: str) -> str:
    return _NAMED.sub("(?:", pattern)


FLAGS = re.IGNORECASE
# Re-reading a candidate in the original text (for group values and capitalisation).
RULE_REGEX: dict[str, re.Pattern[str]] = {name: re.compile(p, FLAGS) for name, p in RULES}

# Words that can begin an expression. HEADS are those a time expression cannot do without;
# any other start word is tried only when a head follows closely ("the" ... "quarter").
HEADS: frozenset[str] = frozenset(
    list(MONTHS) + list(WEEKDAYS) + [w + "s" for w in WEEKDAYS] + list(PARTS_OF_DAY)
    + list(SEASONS) + list(SETS) + [
        "seconds", "minutes", "hours", "days", "nights", "weeks", "weekends", "months",
        "quarter", "quarters", "years", "decades", "centuries", "today", "yesterday",
        "tomorrow", "now", "currently", "current", "nowadays", "presently", "recently",
        "recent", "previously", "formerly", "lately", "future", "soon", "christmas",
        "thanksgiving", "halloween", "valentine's", "bastille", "easter", "noon", "midnight",
        "midday", "black", "cyber",
        "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
        "nineties", "q1", "q2", "q3", "q4", "year-earlier", "year-ago", "these",
        "then",
    ]
)
# Units and words that begin an expression only with what follows ("year end", "new year's").
_LEADS = (
    "second", "minute", "hour", "day", "week", "weekend", "fortnight", "month", "year",
    "decade", "century", "present", "past", "independence", "new", "election",
)
STARTERS: frozenset[str] = HEADS | frozenset(
    list(NUMBERS) + list(ORDINALS) + list(QMOD_WORDS) + list(_LEADS) + [
        "the", "this", "that", "last", "next", "coming", "previous", "following", "early",
        "late", "mid", "earlier", "later", "shortly", "just", "very", "every", "each", "per",
        "once", "twice", "thrice", "fiscal", "fy", "right", "final", "latest", "latter",
        "same", "calendar", "comparable", "most", "prior", "initial", "remaining", "full",
        "half", "several", "few", "many", "hundreds", "couple", "at", "year-earlier",
        "year-ago", "prior-year", "end", "beginning", "start", "middle", "close", "turn", "rest",
        "then",
    ]
)


def _trie(words: frozenset[str]) -> str:
    """A regex trie: the engine rejects a position after a character or two."""
    root: dict[str, dict] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if "" in node:
            # an empty last alternative rather than "?": the same tries in the same order,
            # without the engine's bookkeeping for a repeat (HITS scans some 4% faster)
            return "(?:" + "|".join(alts) + "|)"
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(root)


def _by_first_letter(words: frozenset[str], tail: str) -> str:
    """The words as alternatives of their own, one per first letter (that letter, a trie of
    the rest, then `tail`): the same matches as `_trie(words) + tail`, but where this stands
    among other alternatives the engine rejects a letter no word begins with by a character
    comparison, without entering a group (HITS scans a few percent faster). Only for a tail
    short enough to be written once per letter."""
    rests: dict[str, set[str]] = {}
    for w in words:
        rests.setdefault(w[0], set()).add(w[1:])
    alternatives = []
    for first, rest in sorted(rests.items()):
        longer = frozenset(r for r in rest if r)
        body = _trie(longer) if longer else ""
        if longer and "" in rest:
            body = "(?:" + body + "|)"
        alternatives.append(re.escape(first) + body + tail)
    return "|".join(alternatives)


def _vocabulary() -> frozenset[str]:
    """Every word a rule can read after its first word: the literals of the rules and the
    lexicon. A start word that is not a head ("the", "a", "about") is tried only when the next
    word is one of these or a number, which spares the scanner most of the "the"s of a text."""
    words = set(STARTERS)
    for _, pattern in RULES:
        words.update(re.findall(r"[a-z][a-z']+", pattern))
    for unit in ("second", "minute", "hour", "day", "night", "week", "weekend", "fortnight",
                 "month", "quarter", "year", "decade", "century", "centuries"):
        words.update((unit, unit + "s"))
    words.update(m.rstrip(".") for m in MONTHS)
    words.update(w.split("'")[0] for w in list(words))  # "valentine's" is read as "valentine"
    words.update(("am", "pm", "p", "gmt", "utc", "est", "edt"))  # "5 pm", "5 p.m."
    return frozenset(words)


VOCABULARY = _vocabulary()


def _next_is(words: frozenset[str]) -> str:
    """A lookahead: the next word is one of `words` or a number."""
    return (r"(?=(?:'s)?[\s,-]+'?(?:" + _trie(frozenset(w for w in words if w.isalnum()))
            + r"(?![a-z0-9])|\d))")


_NEXT_IS_VOCABULARY = _next_is(VOCABULARY)
# Words that never follow a start word in any rule although the rules name them: articles
# ("at the", "that the", "the new" are the commonest false starts) and the words of negative
# lookaheads ("year old"). Only a qualifier or a count can be followed by an article
# ("about a year", "half an hour", "twice a day"); numbers keep them for "5 a.m.".
_ARTICLE_STARTERS = frozenset({
    "about", "around", "approximately", "roughly", "nearly", "almost", "just", "only",
    "barely", "some", "half", "once", "twice", "thrice",
})
_NEXT_IS_NOT_ARTICLE = _next_is(VOCABULARY - {"the", "a", "an", "old", "new"})
# Finds where an expression can start, in the lower-cased text (see tag()): a head word
# ("march", "tuesday"); another start word ("the", "a", "about", "year") only when a word of
# the rules or a number follows; a year; or a number followed by a date or clock mark, letters
# ("5pm", "1990s") or a word of the rules ("5 may", "three days"). The boundary character
# first lets the engine skip letters quickly; all of this is decided inside the regex engine.
# (Regrouping the three tries under their first letters repeats the lookaheads per letter: a
# tenfold pattern that takes 0.15 s more to compile, and scans no faster. The heads, with no
# lookahead, are regrouped; the numbers open with the digit, not a lookahead for it: both
# save the engine entering a group at every boundary.)
HITS: re.Pattern[str] = re.compile(
    r"[^a-z0-9$\u00a3\u20ac.,']("
    + _by_first_letter(HEADS, r"(?![a-z0-9])")
    + r"|" + _trie(_ARTICLE_STARTERS & STARTERS) + r"(?![a-z0-9])" + _NEXT_IS_VOCABULARY
    + r"|" + _trie(STARTERS - HEADS - _ARTICLE_STARTERS) + r"(?![a-z0-9])"
    + _NEXT_IS_NOT_ARTICLE
    # numbers, under one test of their first character (a word fails it at once): a year
    # ([12]\d{3}), a number followed by a mark, letters or a word of the rules, ...
    + r"|\d(?:(?<=[12])\d{3}(?!\d)"
    + r"|\d*(?!\d)(?:(?=[/.:'a-z-])|" + _NEXT_IS_VOCABULARY + r")"
    # ... or the day closing a range ("May 3 and 4", "Oct. 12-13"), seen behind the digit
    + r"|(?<=\d and \d)|(?<=\d to \d)|(?<=\d[-\u2013]\d))"
    + r"|'(?=\d0s))"
)

# Every rule joined in priority order: what the rules find at a position is what this finds
# there. RULE_INDEX tries fewer rules for the same answer and falls back on it off ASCII. Runs
# on the lower-cased text without IGNORECASE, which is several times faster; optional groups
# are written as empty alternatives (without_optional_groups: the same matches, found faster).
SCANNER: re.Pattern[str] = re.compile("|".join(
    f"(?P<{n}>{without_optional_groups(_anonymous(p))})" for n, p in RULES))

# The rules a position's first characters admit, tried in priority order (see prefixes.py):
# at "the" or a digit most rules fail at once, and the joined scanner would still try them all.
RULE_INDEX = RuleIndex([(n, _anonymous(p)) for n, p in RULES], SCANNER)
