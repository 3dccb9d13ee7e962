"""An Article from decoded text: title, ignored ranges and the publication date.

Every reader ends here, so the rules for titles and dates are the same for a .txt file, the
main text of a web page, a PDF or an e-mail. Readers pass what their format's metadata
says (title, date, author); the text itself is searched only for what metadata lacks.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date

from timeline_app.domain.article import (
    PUBLISHED_BYLINE,
    PUBLISHED_DATELINE,
    PUBLISHED_FILENAME,
    PUBLISHED_GIVEN,
    PUBLISHED_METADATA,
    PUBLISHED_UNKNOWN,
    Article,
)
from timeline_app.ingest.boilerplate import boilerplate_ranges, lines, merge
from timeline_app.ingest.dates import (
    byline_meta,
    date_from_filename,
    find_published,
    parse_metadata_date,
)
from timeline_app.ingest.decode import clean_title
from timeline_app.ingest.errors import ReadError

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>(?:.*\n){0,60}?)---[ \t]*(?:\n|\Z)")
_SURROGATE = re.compile("[\ud800-\udfff]")
_TITLE_LINES = 200  # a title is near the top; a file of furniture lines has none
_FRONT_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


@dataclass(slots=True)
class Metadata:
    """What a file format says about its document, before the text is looked at."""

    title: str | None = None
    published: str | date | None = None  # a date or a date string from the format
    # When the file was made (PDF CreationDate, DOCX created): often the day someone
    # printed or saved the story, so the text's own date and the file name come first.
    created: date | None = None
    # A "Published ..." line found outside the text (a page's furniture): a byline date.
    byline_date: date | None = None
    meta: dict[str, str] = field(default_factory=dict)


def valid_unicode(text: str) -> str:
    """Lone surrogates (from JSON escapes or undecodable e-mail bytes) become U+FFFD, so
    that the text can always be written out as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def article_id(path: str, text: str) -> str:
    """Stable across runs, distinct for different files or rows: path plus a text prefix."""
    digest = hashlib.sha1(f"{path}\0{text[:2000]}".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:16]


def make_article(
    path: str,
    text: str,
    *,
    name: str,
    published: date | None = None,
    metadata: Metadata | None = None,
    max_chars: int | None = None,
    markdown: bool = False,
) -> Article:
    """The Article for `text` read from `path` (`name` is the file name searched for a date).

    Raises ReadError for text with nothing in it, or longer than `max_chars`.
    """
    metadata = metadata or Metadata()
    text = valid_unicode(text)
    if max_chars is not None and len(text) > max_chars:
        raise ReadError(
            f"{len(text):,} characters is too long for one article (limit {max_chars:,}; "
            "raise Limits.max_article_chars to read it anyway)"
        )
    if not text.strip():
        raise ReadError("the document has no text")
    spans = list(lines(text))
    ignored = boilerplate_ranges(text)
    meta = {k: valid_unicode(v) for k, v in metadata.meta.items() if isinstance(v, str)}
    front = _front_matter(text) if markdown or text.startswith("---") else None
    title = metadata.title
    meta_date = metadata.published
    if front is not None:
        (end, keys) = front
        ignored = merge([*ignored, (0, end)])
        title = title or keys.get("title")
        meta_date = meta_date or keys.get("date") or keys.get("published")
        for key in ("author", "source", "outlet", "publisher"):
            if keys.get(key):
                meta.setdefault(key, keys[key])
    for key, value in byline_meta(text, spans).items():
        meta.setdefault(key, value)
    value, source, date_lines = _published(text, spans, meta_date, name, published,
                                           metadata.created, metadata.byline_date)
    if date_lines:
        ignored = merge([*ignored, *date_lines])
    title = useful_title(valid_unicode(title) if title else None)
    title = clean_title(title) if title else _title_from_text(text, ignored)
    return Article(
        id=article_id(path, text),
        path=path,
        title=title,
        text=text,
        published=value,
        published_source=source,
        ignored=tuple(ignored),
        meta={k: v for k, v in meta.items() if v},
    )


def _published(
    text: str,
    spans: list[tuple[int, int]],
    meta_date: str | date | None,
    name: str,
    given: date | None,
    created: date | None = None,
    byline_date: date | None = None,
) -> tuple[date | None, str, tuple[tuple[int, int], ...]]:
    """Publication metadata, then dateline / byline in the text, then the file name, then
    the file's creation date (also metadata), then `given`.

    Also returns the date lines of the text (dateline, "Published ..." lines), which are
    ignored as story whichever source wins.
    """
    from_name = date_from_filename(name)
    found = find_published(text, spans, reference=from_name or given)
    lines = found.spans if found is not None else ()
    if isinstance(meta_date, date):
        meta_date = meta_date if _plausible(meta_date) else None
        if meta_date is not None:
            return meta_date, PUBLISHED_METADATA, lines
    if meta_date:
        value = parse_metadata_date(str(meta_date))
        if value:
            return value, PUBLISHED_METADATA, lines
    if found is not None:
        source = PUBLISHED_DATELINE if found.source == "dateline" else PUBLISHED_BYLINE
        return found.value, source, lines
    if byline_date is not None and _plausible(byline_date):
        return byline_date, PUBLISHED_BYLINE, lines
    if from_name is not None:
        return from_name, PUBLISHED_FILENAME, lines
    if created is not None and _plausible(created):
        return created, PUBLISHED_METADATA, lines
    if given is not None:
        return given, PUBLISHED_GIVEN, lines
    return None, PUBLISHED_UNKNOWN, lines


def _plausible(value: date) -> bool:
    """Year 1, the Unix epoch and far futures are what broken metadata says, not dates."""
    return 1900 <= value.year <= 2100 and value != date(1970, 1, 1)


_JUNK_TITLE = re.compile(
    r"^(?:microsoft (?:word|powerpoint) - .*|untitled(?: document)?|document\d*|"
    r"slide \d+|.*\.(?:docx?|pdf|indd|rtf|odt|txt|html?|qxd|tmp))$", re.I)


def useful_title(title: str | None) -> str | None:
    """A metadata title, unless it is a file name or a program's placeholder."""
    if not title or not title.strip():
        return None
    title = " ".join(title.split())
    return None if _JUNK_TITLE.match(title) else title


def _title_from_text(text: str, ignored: list[tuple[int, int]]) -> str:
    """The first non-empty line that is not ignored (boilerplate, a date line, front matter)."""
    starts = [a for a, _ in ignored]
    for number, (start, end) in enumerate(lines(text)):
        if number >= _TITLE_LINES:
            break
        if not text[start:end].strip():
            continue
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and ignored[index][1] >= end:
            continue
        return clean_title(text[start:end])
    return ""


def _front_matter(text: str) -> tuple[int, dict[str, str]] | None:
    """Markdown front matter (--- key: value ---): its end offset and its simple keys."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return None
    keys = {}
    for line in match["body"].splitlines():
        found = _FRONT_KEY.match(line)
        if found:
            keys[found["key"].lower()] = found["value"].strip().strip("'\"")
    return match.end(), keys
