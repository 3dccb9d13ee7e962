"""News dumps: CSV/TSV rows and JSON/JSONL objects, one article each.

Columns or keys are detected by name (title/headline, date/published/..., text/content/
body/...), case and punctuation aside; `Fields` names them when detection cannot. Rows
without text are skipped and counted in one error for the file, so a dump with a few empty
rows still loads.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from timeline_app.domain.article import Article
from timeline_app.domain.corpus import FileError
from timeline_app.ingest.decode import decode
from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.limits import Fields, Limits
from timeline_app.ingest.text import Metadata, make_article

TITLE_KEYS = ("title", "headline", "heading", "subject", "name")
DATE_KEYS = ("published", "publishedat", "publishdate", "publicationdate", "pubdate",
             "datepublished", "date", "publishedtime", "datetime", "created", "createdat",
             "timestamp", "time")
TEXT_KEYS = ("text", "content", "body", "articlebody", "fulltext", "maintext", "article",
             "story", "articletext", "bodytext", "description", "summary")
META_KEYS = {"author": "author", "authors": "author", "byline": "author", "source": "outlet",
             "outlet": "outlet", "publisher": "outlet", "sitename": "outlet", "site": "outlet",
             "url": "url", "link": "url", "language": "language", "lang": "language"}
LIST_KEYS = ("articles", "items", "data", "results", "docs", "documents", "entries",
             "records", "rows", "stories", "news", "hits")
_MAX_DEPTH_FLAT = 3


def _norm(key: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(key).lower())


Columns = tuple[list[str], list[str], list[str]]


def choose_columns(keys: Iterable[str], fields: Fields) -> Columns:
    """Title, date and text column names among `keys`, best first; each row uses the first
    of its candidates that it fills. ReadError when there is no text column."""
    keys = [k for k in keys if isinstance(k, str)]
    by_norm: dict[str, str] = {}
    for key in keys:
        by_norm.setdefault(_norm(key), key)

    def named(wanted: str | None, candidates: tuple[str, ...], what: str) -> list[str]:
        if wanted is not None:
            if wanted in keys:
                return [wanted]
            if _norm(wanted) in by_norm:
                return [by_norm[_norm(wanted)]]
            raise ReadError(f"no {what} column/key named {wanted!r} (found: {_list(keys)})")
        return [by_norm[c] for c in candidates if c in by_norm]

    text = named(fields.text, TEXT_KEYS, "text")
    if not text:
        raise ReadError(f"no text column/key found (found: {_list(keys)}); name it with "
                        "--text-field")
    title = [k for k in named(fields.title, TITLE_KEYS, "title") if k not in text[:1]]
    when = named(fields.date, DATE_KEYS, "date")
    return title, when, text


def _first(row: dict, keys: list[str]) -> str:
    for key in keys:
        value = row.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return ""


def _list(keys: list[str]) -> str:
    shown = ", ".join(repr(k) for k in keys[:12])
    return shown + (" …" if len(keys) > 12 else "") if keys else "none"


def read_csv(
    data: bytes, path: str, name: str, *, published: date | None, fields: Fields,
    limits: Limits,
) -> list[Article | FileError]:
    text = decode(data)
    csv.field_size_limit(max(limits.max_article_chars, 131072))
    delimiter = _delimiter(text, name)
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
        header = reader.fieldnames or []
        columns = choose_columns(header, fields)
        rows = ((number, row) for number, row in enumerate(reader, start=2))
        return _articles(rows, columns, path, name, published, limits, unit="row")
    except csv.Error as exc:
        raise ReadError(f"not a readable CSV file ({exc})") from None


def _delimiter(text: str, name: str) -> str:
    """The delimiter that splits the header line most: comma, semicolon, tab or bar.

    csv.Sniffer is not used: its regular expressions take tens of seconds on some inputs
    (an unclosed quote), and a dump's header line is enough to tell.
    """
    header = text[: text.find("\n")] if "\n" in text[:65536] else text[:65536]
    header = re.sub(r'"[^"]*"', "", header)
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    if counts[best] == 0:
        return "\t" if name.lower().endswith(".tsv") else ","
    return best


def read_json(
    data: bytes, path: str, name: str, *, published: date | None, fields: Fields,
    limits: Limits, lines: bool = False,
) -> list[Article | FileError]:
    text = decode(data)
    if lines:
        records, bad = _json_lines(text)
    else:
        try:
            value = json.loads(text)
        except RecursionError:
            raise ReadError("the JSON is nested too deeply") from None
        except ValueError as exc:
            if "\n{" in text and text.lstrip().startswith("{"):
                records, bad = _json_lines(text)  # JSON Lines saved as .json
            else:
                raise ReadError(f"not valid JSON ({exc})") from None
        else:
            records, bad = _records(value), []
    objects = [(n, r) for n, r in records if isinstance(r, dict)]
    if not objects:
        raise ReadError("no article objects in the JSON (expected a list of objects with "
                        "a text/content/body key)")
    keys = list(dict.fromkeys(k for _, r in objects[:200] for k in r))
    columns = choose_columns(keys, fields)
    rows = ((n, {k: _flat(v) for k, v in r.items()}) for n, r in objects)
    unit = "line" if lines or bad else "item"
    out = _articles(rows, columns, path, name, published, limits, unit=unit)
    if bad:
        out.append(FileError(path, f"{len(bad)} line(s) are not valid JSON and were skipped "
                             f"(line {', '.join(map(str, bad[:5]))}"
                             f"{' …' if len(bad) > 5 else ''})"))
    return out


def _json_lines(text: str) -> tuple[list[tuple[int, object]], list[int]]:
    records, bad = [], []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            records.append((number, json.loads(line)))
        except (ValueError, RecursionError):
            bad.append(number)
    if not records:
        raise ReadError("not valid JSON Lines (no line holds a JSON object)")
    return records, bad


def _records(value: object) -> list[tuple[int, object]]:
    """The article objects of a JSON document: a list, a list under a known key, or one."""
    if isinstance(value, dict):
        for key in value:
            if _norm(key) in LIST_KEYS and isinstance(value[key], list):
                return _records(value[key])
        return [(1, value)]
    if isinstance(value, list):
        return list(enumerate(value, start=1))
    return []


def _flat(value: object, depth: int = 0) -> str:
    """A cell as text: nested objects give their name/text, lists are joined."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return str(value)
    if depth >= _MAX_DEPTH_FLAT:
        return ""
    if isinstance(value, dict):
        for key in ("name", "text", "value", "title", "$date"):
            if key in value:
                return _flat(value[key], depth + 1)
        return ""
    if isinstance(value, list):
        return "; ".join(s for s in (_flat(v, depth + 1) for v in value[:50]) if s)
    return ""


def _articles(rows, columns, path, name, published, limits, *, unit: str):
    title_keys, date_keys, text_keys = columns
    out: list[Article | FileError] = []
    empty: list[int] = []
    for number, row in rows:
        body = _first(row, text_keys)
        if not body:
            empty.append(number)
            continue
        meta = Metadata(title=_first(row, title_keys) or None)
        when = _first(row, date_keys)
        if when:
            meta.published = _date_value(when)
        for key, value in row.items():
            target = META_KEYS.get(_norm(key)) if isinstance(key, str) else None
            if target and isinstance(value, str) and value.strip():
                meta.meta.setdefault(target, " ".join(value.split())[:300])
        member = f"{path}#{number}"
        try:
            out.append(make_article(member, body.replace("\r\n", "\n").replace("\r", "\n"),
                                    name=name, published=published, metadata=meta,
                                    max_chars=limits.max_article_chars))
        except ReadError as exc:
            out.append(FileError(member, str(exc)))
    if not any(isinstance(item, Article) for item in out):
        raise ReadError(f"no {unit} has any text in column {text_keys[0]!r}")
    if empty:
        shown = ", ".join(map(str, empty[:5])) + (" …" if len(empty) > 5 else "")
        out.append(FileError(path, f"{len(empty)} {unit}(s) without text were skipped "
                             f"({unit} {shown})"))
    return out


def _date_value(value: str) -> str | date | None:
    """Dates in dumps: strings, or epoch seconds / milliseconds."""
    value = value.strip()
    if re.fullmatch(r"\d{10}(?:\.\d+)?|\d{13}", value):
        seconds = float(value) / (1000 if len(value) == 13 else 1)
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    return value
