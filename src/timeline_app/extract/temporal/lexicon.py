"""Words of time and the regex fragments built from them.

Kept as data so that recognition and normalisation agree on one vocabulary.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6,
}

NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a couple of": 2, "couple of": 2, "a couple": 2, "half a": 0.5, "a half": 0.5,
}
VAGUE_NUMBERS = frozenset({"several", "a few", "few", "some", "many", "a number of"})

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15,
    "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21,
}

# TIMEX3 unit letters; "T" marks units below a day.
UNITS: dict[str, str] = {
    "second": "TS", "minute": "TM", "hour": "TH", "day": "D", "night": "D", "week": "W",
    "weekend": "WE", "fortnight": "2W", "month": "M", "quarter": "Q", "year": "Y",
    "decade": "DE", "century": "CE",
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
}
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "tonight": "NI",
    "overnight": "NI", "dawn": "MO", "daybreak": "MO", "dusk": "EV", "nightfall": "NI",
}

REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "then current": "PAST_REF",
    "nowadays": "PRESENT_REF", "presently": "PRESENT_REF", "at present": "PRESENT_REF",
    "these days": "PRESENT_REF", "recently": "PAST_REF", "more recently": "PAST_REF",
    "most recently": "PAST_REF", "until recently": "PAST_REF", "only recently": "PAST_REF",
    "the past": "PAST_REF", "lately": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the distant future": "FUTURE_REF",
    "the near term": "FUTURE_REF", "the short term": "FUTURE_REF", "the long term": "FUTURE_REF",
    "a later date": "FUTURE_REF", "soon": "FUTURE_REF",
}

SETS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
    "hourly": "PT1H", "nightly": "P1D",
}

HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "independence day": (7, 4), "halloween": (10, 31), "valentine's day": (2, 14),
    "bastille day": (7, 14),
}


MONTH_RE = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december"
    r"|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?(?![a-z]))"
)
WEEKDAY_RE = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
NUMBER_WORD_RE = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+"
    r"(?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|hundreds\s+of|a\s+couple\s+of"
    r"|half\s+a|several|a\s+few|few|a\s+number\s+of|many|(?:a\s+)?couple\s+of|\d+(?:[.,]\d+)?"
    r"|an?)"
)
UNIT_RE = (
    r"(?:second|minute|hour|day|night|week(?:end)?|fortnight|month|quarter|year|decade"
    r"|centur(?:y|ie))s?"
)
ORDINAL_RE = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|twenty-first|\d{1,2}(?:st|nd|rd|th))"
)
SEASON_RE = r"(?:spring|summer|fall|autumn|winter)"
POD_RE = r"(?:morning|afternoon|evening|night|dawn|daybreak|dusk|nightfall)"

QMOD_WORDS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "more", "less", "fewer",
    "no", "at", "up", "some", "just", "only", "barely", "until", "most",
)

_TEENS = (r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen")
_TENS = r"twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = r"one|two|three|four|five|six|seven|eight|nine"
_TENS_ONES = rf"(?:{_TENS})(?:[\s-]+(?:{_ONES}))?"
# Years read out as words in broadcast transcripts: "nineteen ninety-four", "two thousand".
SPELLED_YEAR_RE = (
    rf"(?:(?:eighteen|nineteen|twenty)[\s-]+(?:{_TENS_ONES}|{_TEENS}|hundred|oh[\s-]+(?:{_ONES}))"
    rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_TENS_ONES}|{_TEENS}|{_ONES}))?)"
    r"(?![a-z-])"
)


def year_number(text: str | None) -> int:
    """A year written in digits or in words ("nineteen ninety-four" -> 1994)."""
    if not text:
        return 0
    t = text.strip().lower()
    if t.isdigit():
        return int(t)
    words = [w for w in t.replace("-", " ").split() if w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + _small(words[2:])
    head = NUMBERS.get(words[0], 0)
    rest = words[1:]
    if rest == ["hundred"]:
        return int(head * 100)
    if rest and rest[0] == "oh":
        rest = rest[1:]
    return int(head * 100) + _small(rest)


def _small(words: list[str]) -> int:
    return int(sum(NUMBERS.get(w, 0) for w in words))
