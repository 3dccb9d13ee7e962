"""Publication dates written in articles and file names: datelines, "Published ..." lines,
byline dates, and metadata strings.

Only the top of an article (and a "published" note at its very end) is searched, so a date
in the story itself is never taken for the publication date. Parsing is our own small set of
news formats rather than a general parser: it is fast and never guesses a day from noise.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_FORMATS = [
    rf"{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}",  # Jan. 22, 2013 / Tuesday, January 22, 2013
    rf"{_WEEKDAY}{_DAY}\.?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",  # 22 January 2013
    rf"{_YEAR}-(?P<nmonth>[01]\d)-(?P<nday>[0-3]\d)",  # 2013-01-22
    rf"{_YEAR}/(?P<smonth>[01]?\d)/(?P<sday>[0-3]?\d)",  # 2013/01/22
]
# Each format is compiled on its own: an alternation of them would repeat group names.
_DATES = [re.compile(f, re.I) for f in _FORMATS]

_AGENCY = (r"(?:\((?P<agency>AP|Reuters|AFP|UPI|dpa|Xinhua|Bloomberg|CNN|BBC|"
           r"[A-Z][A-Za-z]{1,14}(?: [A-Z][A-Za-z]{1,14}){0,2})\)\s*)?")
_NOT_MONTH = r"(?!(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b)"
_PLACE = rf"[A-Z][A-Z.'’\- ]{{1,40}}(?:,\s*{_NOT_MONTH}[A-Z][A-Za-z.'’\- ]{{1,30}}){{0,2}}"
# Markdown emphasis may wrap the dateline: "**GENEVA, Feb. 15, 2014 (Wire)** —".
DATELINE = re.compile(
    rf"^\s*[*_]{{0,2}}(?:{_PLACE})\s*(?:,\s*(?P<date>[^()\n—–*_]{{4,40}}?)\s*)?{_AGENCY}"
    rf"[*_]{{0,2}}\s*(?:[—–]|--?)\s*",
)
_PUBLISHED_LINE = re.compile(
    r"^\W*(?:(?:first|originally|last)\s+)?(?P<what>published|posted|updated|modified|"
    r"last\s+modified|last\s+updated|dated?)\b(?:\s+(?:on|at))?\s*:?\s*(?P<rest>.{4,120})$",
    re.I,
)
_BYLINE = re.compile(r"^\W*by\s+\S", re.I)
_FILENAME = re.compile(
    r"(?<!\d)(?P<year>(?:19|20)\d\d)[-_.]?(?P<month>[01]\d)[-_.]?(?P<day>[0-3]\d)(?!\d)"
)
_TOP_LINES = 12  # datelines and bylines live at the top
_TOP_CHARS = 3000


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A publication date found in the text, and where date lines are."""

    value: date
    source: str  # "dateline" or "byline"
    span: tuple[int, int]  # where the date chosen was found
    spans: tuple[tuple[int, int], ...] = ()  # every date line, to be ignored as story


def parse_date(text: str) -> date | None:
    """The first full date (day, month, year) in `text`, in a common news format."""
    text = text[:400]  # date lines are short; a huge "line" must not cost time
    best: tuple[int, date] | None = None
    for pattern in _DATES:
        for match in pattern.finditer(text):
            value = _from_match(match)
            if value is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), value)
                break
    return best[1] if best else None


def parse_metadata_date(value: str) -> date | None:
    """A date from a metadata field: ISO 8601 (with or without time) or a news format."""
    value = value.strip()
    if not value:
        return None
    iso = re.match(r"(\d{4})-?(\d\d)-?(\d\d)", value)
    if iso:
        return _valid(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
    parsed = parse_date(value)
    if parsed:
        return parsed
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def date_from_filename(name: str) -> date | None:
    """2013-01-22-story.txt, story_20130122.html: a date written in the file name."""
    for match in _FILENAME.finditer(name):
        value = _valid(int(match["year"]), int(match["month"]), int(match["day"]))
        if value:
            return value
    return None


def find_published(
    text: str, lines: list[tuple[int, int]], reference: date | None = None
) -> FoundDate | None:
    """The publication date written in the article, best source first.

    Order: a "Published ..." line (then "Updated ..." as a fallback), a dateline opening a
    paragraph, a byline or a short line that is only a date; all near the top. A
    "published"/"updated" note on the last lines counts as well. A dateline without a year
    ("BEIRUT, Jan 22 (Reuters) -") takes the year that puts it nearest `reference` (a date
    from the file name or the caller), and is not used without one. Every date line found
    is returned in `spans` so that none of them is read as story.
    """
    top = _top_lines(text, lines)
    published: FoundDate | None = None
    updated: FoundDate | None = None
    spans: list[tuple[int, int]] = []
    for start, end in _segments(text, top + _bottom_lines(text, lines)):
        match = _PUBLISHED_LINE.match(text[start:end])
        if not match:
            continue
        value = parse_date(match["rest"]) or parse_metadata_date(match["rest"])
        if value:
            spans.append((start, end))
            found = FoundDate(value, "byline", (start, end))
            if match["what"].lower().startswith(("publish", "post", "date")):
                published = published or found
            else:
                updated = updated or found
    best = published
    for start, end in top:
        if best is not None:
            break
        match = DATELINE.match(text[start:end])
        if match and match["date"]:
            value = parse_date(match["date"]) or _without_year(match["date"], reference)
            if value:
                best = FoundDate(value, "dateline", (start, start + match.end()))
                spans.append(best.span)
    for index, (start, end) in enumerate(top):
        line = text[start:end]
        words = line.split()
        if not words or len(words) > 16 or (start, end) in spans:
            continue
        value = parse_date(line)
        if value is None:
            continue
        previous = text[top[index - 1][0]:top[index - 1][1]] if index else ""
        if _BYLINE.match(line) or _BYLINE.match(previous) or _only_date(line) or \
                (len(words) <= 12 and _starts_with_date(line)):
            spans.append((start, end))
            best = best or FoundDate(value, "byline", (start, end))
    best = best or updated
    if best is None:
        return None
    return FoundDate(best.value, best.source, best.span, tuple(sorted(set(spans))))


_SEPARATOR = re.compile(r"\s[|·•]\s")


def _segments(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each line, and each part of a line split by "|", "·" or "•": bylines pack several
    fields in one line ("Middle East Correspondent | Published 8 February 2014")."""
    out = []
    for start, end in lines:
        out.append((start, end))
        cut = start
        for sep in _SEPARATOR.finditer(text, start, end):
            out.append((cut, sep.start()))
            cut = sep.end()
        if cut != start:
            out.append((cut, end))
    return out


_MONTH_DAY = re.compile(rf"^\s*{_WEEKDAY}{_MONTH}\s+{_DAY}\s*$", re.I)


def _without_year(text: str, reference: date | None) -> date | None:
    """"Jan 22" in a dateline: the year that puts it nearest the reference date."""
    match = _MONTH_DAY.match(text)
    if not match or reference is None:
        return None
    month = MONTHS.get(match["month"].lower().rstrip("."))
    options = [_valid(year, month, int(match["day"]))
               for year in (reference.year - 1, reference.year, reference.year + 1)]
    options = [d for d in options if d is not None]
    if not options:
        return None
    return min(options, key=lambda d: abs((d - reference).days))


def _starts_with_date(line: str) -> bool:
    """ "January 22, 2013 10:04 AM / Updated 6 years ago": a date line with extras."""
    head = line.lstrip(" \t|·•-–—*_")
    return any(pattern.match(head) for pattern in _DATES)


def _only_date(line: str) -> bool:
    """A line that is a date and perhaps a time and zone, nothing else."""
    rest = line
    for pattern in _DATES:
        rest = pattern.sub(" ", rest)
    rest = re.sub(
        r"\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?|\b(?:GMT|UTC|[ECMP][SD]?T|BST|CET|CEST|ET)\b|"
        r"\b(?:updated|published|at|on)\b|[|,·•/\-–—:()]",
        " ", rest, flags=re.I,
    )
    return not rest.strip()


def _top_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in lines:
        if start > _TOP_CHARS or len(out) >= _TOP_LINES:
            break
        if text[start:end].strip():
            out.append((start, end))
    return out


def _bottom_lines(text: str, lines: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for start, end in reversed(lines):
        if len(out) >= 3 or start < _TOP_CHARS:
            break
        if text[start:end].strip():
            out.append((start, end))
    return out


def _from_match(match: re.Match) -> date | None:
    groups = match.groupdict()
    year = int(groups["year"])
    if groups.get("month"):
        month = MONTHS.get(groups["month"].lower().rstrip("."))
        day = groups["day"]
    elif groups.get("nmonth"):
        month, day = int(groups["nmonth"]), groups["nday"]
    else:
        month, day = int(groups["smonth"]), groups["sday"]
    if month is None or day is None:
        return None
    return _valid(year, month, int(day))


def _valid(year: int, month: int, day: int) -> date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


_BY_NAME = re.compile(
    r"^\W*(?:by|By|BY)\s+(?P<name>[A-Z][\w.'’\-]*"
    r"(?:\s+(?:[A-Z][\w.'’\-]*|and|de|van|von|al|el|bin)){0,6})\s*(?:$|[,|·•—–-]\s*(?P<outlet>[^|·•\n]{2,60}?)?\s*(?:$|[|·•,]))"
)


def byline_meta(text: str, lines: list[tuple[int, int]]) -> dict[str, str]:
    """Author (and outlet) from a "By Jane Doe, Reuters" line, agency from a dateline."""
    meta: dict[str, str] = {}
    for start, end in _top_lines(text, lines):
        line = text[start:end]
        if "author" not in meta:
            match = _BY_NAME.match(line)
            if match:
                meta["author"] = match["name"].strip()
                outlet = (match["outlet"] or "").strip()
                if outlet and not parse_date(outlet) and len(outlet.split()) <= 5:
                    meta["outlet"] = outlet
        if "outlet" not in meta:
            match = DATELINE.match(line)
            if match and match["agency"]:
                meta["outlet"] = match["agency"]
    return meta


def published_line_date(text: str, max_lines: int = 400) -> date | None:
    """A "Published/Posted <date>" line anywhere near the top of a page's visible text
    (outside the story text, where page furniture puts it); "Updated" as a fallback."""
    updated = None
    for number, line in enumerate(text.split("\n")):
        if number >= max_lines:
            break
        match = _PUBLISHED_LINE.match(line.strip()[:200])
        if not match:
            continue
        value = parse_date(match["rest"]) or parse_metadata_date(match["rest"])
        if value is None:
            continue
        if match["what"].lower().startswith(("publish", "post", "date")):
            return value
        updated = updated or value
    return updated
