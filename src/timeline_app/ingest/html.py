"""Saved web pages: the main text via trafilatura, title/author/date from the page's markup.

Nothing is ever fetched: the page is decoded and parsed here and trafilatura only sees the
parsed tree, so no URL in the page (canonical link, images, scripts) is ever followed. When
trafilatura finds no main text, the visible text of the page (scripts and styles left out)
is used instead, so a short or unusual page still reads.
"""

from __future__ import annotations

import logging
import re
from datetime import date
from html.parser import HTMLParser

from timeline_app.domain.article import Article
from timeline_app.ingest.decode import decode, normalise_newlines
from timeline_app.ingest.errors import ReadError
from timeline_app.ingest.limits import Limits
from timeline_app.ingest.text import Metadata, make_article

_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?([A-Za-z0-9_\-:.]{2,40})", re.I)
_BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
          "article", "header", "footer", "blockquote", "pre", "table", "ul", "ol", "dd", "dt",
          "figcaption", "title", "hr"}
_SKIP = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object"}
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)  # hostile pages are expected here


def decode_html(data: bytes) -> str:
    """Text of a page: its declared charset if Python knows it, else detection."""
    declared = _CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")):
        name = declared.group(1).decode("ascii", "replace")
        try:
            return normalise_newlines(data.decode(name, errors="replace"))
        except LookupError:
            pass
    return decode(data)


def read_html(
    data: bytes, path: str, name: str, *, published: date | None, limits: Limits,
    fallback_title: str | None = None,
) -> list[Article]:
    page = decode_html(data)
    if not page.strip():
        raise ReadError("the page is empty")
    meta = Metadata()
    text = None
    try:
        text, meta = _trafilatura(page)
    except Exception:  # any failure inside trafilatura: the visible text below will do
        text = None
    if not text or not text.strip():
        fallback = visible_text(page)
        if not fallback.strip():
            raise ReadError("the page has no readable text")
        text = fallback
        meta.title = meta.title or _title_tag(page)
    meta.title = meta.title or fallback_title
    if not meta.published:
        from timeline_app.ingest.dates import published_line_date

        meta.byline_date = published_line_date(visible_text(page))
    return [make_article(path, text, name=name, published=published, metadata=meta,
                         max_chars=limits.max_article_chars)]


def _trafilatura(page: str) -> tuple[str | None, Metadata]:
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(page)
    if tree is None:
        return None, Metadata()
    doc = bare_extraction(
        tree, with_metadata=True, include_comments=False, include_tables=True,
        include_images=False, include_links=False, deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None:
        return None, Metadata()
    meta = Metadata(title=_clean(doc.title), published=_clean(doc.date))
    for key, value in (("author", doc.author), ("outlet", doc.sitename), ("url", doc.url),
                       ("description", doc.description)):
        if _clean(value):
            meta.meta[key] = _clean(value)
    text = normalise_newlines(doc.text) if doc.text else None
    return text, meta


def _clean(value) -> str | None:
    if value is None:
        return None
    value = " ".join(str(value).split())
    return value or None


def _title_tag(page: str) -> str | None:
    match = re.search(r"<title[^>]*>(.*?)</title>", page[:65536], re.I | re.S)
    if not match:
        return None
    from html import unescape

    return _clean(unescape(re.sub(r"<[^>]+>", " ", match.group(1))))


class _Visible(HTMLParser):
    """Visible text of a page, one block element per line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skipping += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.skipping:
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _Visible()
    try:
        parser.feed(page)
        parser.close()
    except (AssertionError, ValueError):  # very broken markup: keep what was parsed
        pass
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n\n".join(line for line in lines if line)
